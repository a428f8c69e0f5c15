// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Stage {blueprintKey: $key, key: row.stage})
MERGE (t:Step {blueprintKey: $key, key: row.key})
SET t.name = row.name, t.evidence = row.evidence, t.position = row.position
CREATE (s)-[:HAS_STEP]->(t)
