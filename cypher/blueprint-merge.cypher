// The blueprint node of a write over it, at the version the write makes.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MERGE (b:Blueprint {key: $key})
SET b.positionsWithinParent = true, b.revision = $version, b.updatedAt = $at
RETURN b.revision AS revision
