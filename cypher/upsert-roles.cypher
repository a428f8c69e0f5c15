// Creates or renames roles and moves each to its department.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Department {key: row.department})
MERGE (n:Role {key: row.key})
SET n.name = row.name
WITH n, d
OPTIONAL MATCH (n)-[old:MEMBER_OF]->(other:Department)
WHERE other <> d
DELETE old
WITH DISTINCT n, d
MERGE (n)-[:MEMBER_OF]->(d)
