// Deletes a system that no action uses any more; otherwise reports how many still do.
MATCH (n:System {key: $key})
WITH n, COUNT { (n)<-[:USES]-(:Action) } AS uses
FOREACH (_ IN CASE WHEN uses = 0 THEN [1] ELSE [] END | DETACH DELETE n)
RETURN uses
