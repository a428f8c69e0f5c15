// A new blueprint's node (import-check found none with the key), at its first version.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
CREATE (:Blueprint {
  key: $key, revision: $version, updatedAt: $at, name: $name, description: $description, state: $state,
  personaName: $personaName, personaDescription: $personaDescription, shape: $shape,
  positionsWithinParent: true
})
