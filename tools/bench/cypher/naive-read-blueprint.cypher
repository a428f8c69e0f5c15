// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the blueprint's own fields, nothing below it.
MATCH (b:Blueprint {key: $key})
RETURN b.key AS key, b.name AS name
