// Benchmark only (src/bench/naive-import.ts): one OCCURS_AT per statement.
MATCH (p:PainPoint {blueprintKey: $blueprintKey, key: $key})
MATCH (a:Action {blueprintKey: $blueprintKey, key: $action})
CREATE (p)-[:OCCURS_AT]->(a)
