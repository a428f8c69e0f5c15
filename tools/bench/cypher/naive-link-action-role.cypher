// Benchmark only (src/bench/naive-import.ts): one PERFORMED_BY per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH a MATCH (r:Role {key: $role}) RETURN r }
CREATE (a)-[:PERFORMED_BY]->(r)
