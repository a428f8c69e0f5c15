// Benchmark only (src/bench/peers/naive-graphql-peer.ts): the distinct owning departments of one action, by key:
// those of its role, process and systems, and its explicit owner.
MATCH (a:Action {blueprintKey: $blueprintKey, key: $actionKey})
UNWIND [(a)-[:PERFORMED_BY|USES|PART_OF]->()-[:MEMBER_OF|OWNED_BY]->(d:Department) | d]
  + [(a)-[:OWNED_BY]->(d:Department) | d] AS owner
WITH DISTINCT owner
RETURN owner.key AS key, owner.name AS name
ORDER BY key
