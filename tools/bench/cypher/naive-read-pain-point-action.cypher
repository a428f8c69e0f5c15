// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the action one pain point occurs at.
MATCH (:PainPoint {blueprintKey: $blueprintKey, key: $painPointKey})-[:OCCURS_AT]->(a:Action)
RETURN a.key AS key, a.name AS name, a.lane AS lane
