// Writes an opportunity by key, its owner replaced (the service checked that the owner exists).
MERGE (o:Opportunity {key: $key})
SET o.title = $title, o.description = $description, o.status = $status, o.effort = $effort, o.fixes = $fixes
WITH o
CALL (o) {
  MATCH (o)-[old:OWNED_BY]->(:Department)
  DELETE old
}
WITH o
CALL (o) {
  MATCH (d:Department {key: $owner})
  MERGE (o)-[:OWNED_BY]->(d)
}
RETURN o.key AS key
