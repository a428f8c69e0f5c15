// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the steps of one stage, in order.
MATCH (:Stage {blueprintKey: $blueprintKey, key: $stageKey})-[:HAS_STEP]->(t:Step)
RETURN t.key AS key, t.name AS name
ORDER BY t.position
