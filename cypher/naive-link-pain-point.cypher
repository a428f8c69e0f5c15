// Benchmark only (src/bench/naive-import.ts): one HAS_PAIN_POINT per statement.
MATCH (b:Blueprint {key: $blueprintKey})
MATCH (p:PainPoint {blueprintKey: $blueprintKey, key: $key})
CREATE (b)-[:HAS_PAIN_POINT]->(p)
