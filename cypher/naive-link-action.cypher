// Benchmark only (src/bench/naive-import.ts): one HAS_ACTION per statement.
MATCH (t:Step {blueprintKey: $blueprintKey, key: $step})
MATCH (a:Action {blueprintKey: $blueprintKey, key: $key})
CREATE (t)-[:HAS_ACTION]->(a)
