// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
SET b.name = $name,
    b.description = $description,
    b.state = $state,
    b.personaName = $personaName,
    b.personaDescription = $personaDescription,
    b.shape = $shape
