// Benchmark only (src/bench/naive-import.ts): one USES per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $action})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH a MATCH (y:System {key: $system}) RETURN y }
CREATE (a)-[:USES {position: $position}]->(y)
