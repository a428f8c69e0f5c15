// The newest kept version of a blueprint with its whole document, when an
// import wrote it; none when an edit did (the graph is the newest document)
// or for a blueprint written before versions were kept.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
MATCH (v:BlueprintVersion {blueprintKey: $key, version: b.revision})
RETURN v.version AS version, v.at AS at, v.document AS document
