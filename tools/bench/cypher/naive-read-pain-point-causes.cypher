// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the actions named as causes of one pain point, in order.
MATCH (:PainPoint {blueprintKey: $blueprintKey, key: $painPointKey})-[c:CAUSED_BY]->(a:Action)
RETURN a.key AS key, a.name AS name, a.lane AS lane
ORDER BY c.position
