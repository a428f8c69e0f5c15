// Benchmark only (src/bench/naive-import.ts): one HAS_STAGE per statement.
MATCH (b:Blueprint {key: $blueprintKey})
MATCH (s:Stage {blueprintKey: $blueprintKey, key: $key})
CREATE (b)-[:HAS_STAGE]->(s)
