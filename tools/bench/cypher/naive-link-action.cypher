// Benchmark only (src/bench/naive-import.ts): one HAS_ACTION per statement.
MATCH (t:Step {blueprintKey: $blueprintKey, key: $step})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH t MATCH (a:Action {blueprintKey: $blueprintKey, key: $key}) RETURN a }
CREATE (t)-[:HAS_ACTION]->(a)
