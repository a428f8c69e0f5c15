// Benchmark only (src/bench/naive-import.ts): one HAS_STAGE per statement.
MATCH (b:Blueprint {key: $blueprintKey})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH b MATCH (s:Stage {blueprintKey: $blueprintKey, key: $key}) RETURN s }
CREATE (b)-[:HAS_STAGE]->(s)
