// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the actions one action depends on, in order.
MATCH (:Action {blueprintKey: $blueprintKey, key: $actionKey})-[e:DEPENDS_ON]->(x:Action)
RETURN x.key AS key, x.name AS name, x.lane AS lane
ORDER BY e.position
