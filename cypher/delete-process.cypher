// Deletes a process that no action uses any more; otherwise reports how many still do.
MATCH (n:Process {key: $key})
WITH n, COUNT { (n)<-[:PART_OF]-(:Action) } AS uses
FOREACH (_ IN CASE WHEN uses = 0 THEN [1] ELSE [] END | DETACH DELETE n)
RETURN uses
