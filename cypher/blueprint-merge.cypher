// The blueprint node of a whole write over it, at the version the write
// makes, with its own fields.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MERGE (b:Blueprint {key: $key})
SET b.positionsWithinParent = true, b.revision = $version, b.updatedAt = $at,
    b.name = $name,
    b.description = $description,
    b.state = $state,
    b.personaName = $personaName,
    b.personaDescription = $personaDescription,
    b.shape = $shape
RETURN b.revision AS revision
