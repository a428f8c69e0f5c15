// What rebuilds version $version of a blueprint: it and every newer kept
// version, newest first, the newest with its document if an import wrote it
// (else the graph is the newest document), the others with their patches.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
RETURN b.revision AS current,
       COLLECT { MATCH (b)-[:HAS_VERSION]->(v:BlueprintVersion) WHERE v.version >= $version
                 RETURN v {.version, .at, .operation, .author, .document, .patch} ORDER BY v.version DESC } AS versions
