// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the pain points of one blueprint, in order.
MATCH (:Blueprint {key: $blueprintKey})-[:HAS_PAIN_POINT]->(p:PainPoint)
RETURN p.key AS key, p.title AS title, p.severity AS severity, p.frequency AS frequency, p.category AS category
ORDER BY p.position
