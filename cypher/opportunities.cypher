// Every opportunity with its owner, by key.
MATCH (o:Opportunity)
OPTIONAL MATCH (o)-[:OWNED_BY]->(d:Department)
RETURN o {.key, .title, .description, .status, .effort, .fixes} AS opportunity, d {.key, .name} AS owner
ORDER BY o.key
