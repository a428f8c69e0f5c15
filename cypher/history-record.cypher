// Records a blueprint's new version in the transaction that wrote it: the
// version before it keeps only the patch back from the new one, the new one
// holds the whole document when an import gives it (an edit gives none: the
// graph is the newest document), and versions older than the kept number go.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
OPTIONAL MATCH (previous:BlueprintVersion {blueprintKey: $key, version: $previousVersion})
SET previous.patch = $previousPatch
REMOVE previous.document
CREATE (b)-[:HAS_VERSION]->(:BlueprintVersion {
  blueprintKey: $key, version: $version, at: $at, operation: $operation, author: $author, document: $document
})
WITH DISTINCT b
CALL (b) {
  MATCH (b)-[:HAS_VERSION]->(old:BlueprintVersion)
  WHERE old.version <= $version - $kept
  DETACH DELETE old
}
RETURN $version AS version
