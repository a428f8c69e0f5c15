// Benchmark only (src/bench/naive-import.ts): one USES per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $action})
MATCH (y:System {key: $system})
CREATE (a)-[:USES {position: $position}]->(y)
