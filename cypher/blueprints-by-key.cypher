// The blueprints named in $keys (a list), as `b`; the start of a read.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $keys AS key
MATCH (b:Blueprint {key: key})
