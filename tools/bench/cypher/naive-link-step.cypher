// Benchmark only (src/bench/naive-import.ts): one HAS_STEP per statement.
MATCH (s:Stage {blueprintKey: $blueprintKey, key: $stage})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH s MATCH (t:Step {blueprintKey: $blueprintKey, key: $key}) RETURN t }
CREATE (s)-[:HAS_STEP]->(t)
