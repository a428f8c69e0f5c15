// Benchmark only (src/bench/naive-import.ts): one OCCURS_AT per statement.
MATCH (p:PainPoint {blueprintKey: $blueprintKey, key: $key})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH p MATCH (a:Action {blueprintKey: $blueprintKey, key: $action}) RETURN a }
CREATE (p)-[:OCCURS_AT]->(a)
