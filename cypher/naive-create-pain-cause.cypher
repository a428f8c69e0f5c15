// Benchmark only (src/bench/naive-import.ts): one CAUSED_BY per statement.
MATCH (p:PainPoint {blueprintKey: $blueprintKey, key: $painPoint})
MATCH (a:Action {blueprintKey: $blueprintKey, key: $action})
CREATE (p)-[:CAUSED_BY {position: $position}]->(a)
