// Stages by key: those the blueprint had keep their node (see blueprint-unlink).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
UNWIND $rows AS row
MERGE (s:Stage {blueprintKey: $key, key: row.key})
SET s.name = row.name, s.position = row.position
CREATE (b)-[:HAS_STAGE]->(s)
