// Creates the blueprint node, or counts one more revision of it.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MERGE (b:Blueprint {key: $key})
ON CREATE SET b.revision = 0
SET b.revision = b.revision + 1
RETURN b.revision AS revision
