// Deletes a department that nothing belongs to any more; otherwise reports how much still does.
MATCH (d:Department {key: $key})
WITH d, COUNT { (d)<-[:MEMBER_OF|OWNED_BY]-() } AS uses
FOREACH (_ IN CASE WHEN uses = 0 THEN [1] ELSE [] END | DELETE d)
RETURN uses
