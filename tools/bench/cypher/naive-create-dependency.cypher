// Benchmark only (src/bench/naive-import.ts): one DEPENDS_ON per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $from})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH a MATCH (b:Action {blueprintKey: $blueprintKey, key: $to}) RETURN b }
CREATE (a)-[:DEPENDS_ON {position: $position}]->(b)
