// Benchmark only (src/bench/naive-import.ts): one PART_OF per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH a MATCH (p:Process {key: $process}) RETURN p }
CREATE (a)-[:PART_OF]->(p)
