// A new blueprint's steps, created under their stages (see create-stages).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Stage {blueprintKey: $key, key: row.stage})
CREATE (s)-[:HAS_STEP]->(:Step {blueprintKey: $key, key: row.key, name: row.name, evidence: row.evidence, position: row.position})
