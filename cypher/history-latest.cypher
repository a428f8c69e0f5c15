// The newest kept version of a blueprint, with its whole document; none for a
// blueprint written before versions were kept (its revision has no version node).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
MATCH (v:BlueprintVersion {blueprintKey: $key, version: b.revision})
RETURN v.version AS version, v.at AS at, v.document AS document
