// Benchmark only (src/bench/naive-import.ts): one HAS_STEP per statement.
MATCH (s:Stage {blueprintKey: $blueprintKey, key: $stage})
MATCH (t:Step {blueprintKey: $blueprintKey, key: $key})
CREATE (s)-[:HAS_STEP]->(t)
