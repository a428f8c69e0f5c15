// Benchmark only (src/bench/naive-import.ts): one action's OWNED_BY per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH a MATCH (d:Department {key: $department}) RETURN d }
CREATE (a)-[:OWNED_BY]->(d)
