// The kept versions of a blueprint, newest first; no row when it does not exist.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
RETURN b.revision AS current,
       COLLECT { MATCH (b)-[:HAS_VERSION]->(v:BlueprintVersion)
                 RETURN v {.version, .at, .operation, .author} ORDER BY v.version DESC } AS versions
