// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (d:Department {key: row.key})
SET d.name = row.name
