// A new blueprint's stages. Nothing of the blueprint exists yet, so CREATE:
// MERGE would first seek (and lock) every key only to find nothing.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
UNWIND $rows AS row
CREATE (b)-[:HAS_STAGE]->(:Stage {blueprintKey: $key, key: row.key, name: row.name, position: row.position})
