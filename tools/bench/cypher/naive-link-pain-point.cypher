// Benchmark only (src/bench/naive-import.ts): one HAS_PAIN_POINT per statement.
MATCH (b:Blueprint {key: $blueprintKey})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH b MATCH (p:PainPoint {blueprintKey: $blueprintKey, key: $key}) RETURN p }
CREATE (b)-[:HAS_PAIN_POINT]->(p)
