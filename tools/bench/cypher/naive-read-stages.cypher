// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the stages of one blueprint, in order.
MATCH (:Blueprint {key: $blueprintKey})-[:HAS_STAGE]->(s:Stage)
RETURN s.key AS key, s.name AS name
ORDER BY s.position
