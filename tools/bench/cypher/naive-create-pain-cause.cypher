// Benchmark only (src/bench/naive-import.ts): one CAUSED_BY per statement.
MATCH (p:PainPoint {blueprintKey: $blueprintKey, key: $painPoint})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH p MATCH (a:Action {blueprintKey: $blueprintKey, key: $action}) RETURN a }
CREATE (p)-[:CAUSED_BY {position: $position}]->(a)
