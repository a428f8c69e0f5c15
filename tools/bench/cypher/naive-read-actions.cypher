// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the actions of one step, in order.
MATCH (:Step {blueprintKey: $blueprintKey, key: $stepKey})-[:HAS_ACTION]->(a:Action)
RETURN a.key AS key, a.name AS name, a.lane AS lane
ORDER BY a.position
