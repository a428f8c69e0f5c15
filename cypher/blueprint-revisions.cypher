// The revision of each blueprint in $keys, after its contents were read: a
// different one than before means a write committed meanwhile (absent: deleted).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $keys AS key
OPTIONAL MATCH (b:Blueprint {key: key})
RETURN key, b.revision AS revision
