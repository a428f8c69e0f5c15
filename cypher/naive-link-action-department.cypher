// Benchmark only (src/bench/naive-import.ts): one action's OWNED_BY per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
MATCH (d:Department {key: $department})
CREATE (a)-[:OWNED_BY]->(d)
