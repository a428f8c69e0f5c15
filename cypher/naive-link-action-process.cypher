// Benchmark only (src/bench/naive-import.ts): one PART_OF per statement.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
MATCH (p:Process {key: $process})
CREATE (a)-[:PART_OF]->(p)
