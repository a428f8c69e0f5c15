// Benchmark only (src/bench/naive-import.ts): one PERFORMED_BY per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
MATCH (r:Role {key: $role})
CREATE (a)-[:PERFORMED_BY]->(r)
