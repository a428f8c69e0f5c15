// Benchmark only (src/bench/naive-import.ts): one DEPENDS_ON per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $from})
MATCH (b:Action {blueprintKey: $blueprintKey, key: $to})
CREATE (a)-[:DEPENDS_ON {position: $position}]->(b)
