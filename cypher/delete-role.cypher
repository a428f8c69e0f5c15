// Deletes a role that no action uses any more; otherwise reports how many still do.
MATCH (n:Role {key: $key})
WITH n, COUNT { (n)<-[:PERFORMED_BY]-(:Action) } AS uses
FOREACH (_ IN CASE WHEN uses = 0 THEN [1] ELSE [] END | DETACH DELETE n)
RETURN uses
