// Creates the blueprint node, or counts one more revision of it.
MERGE (b:Blueprint {key: $key})
ON CREATE SET b.revision = 0
SET b.revision = b.revision + 1
RETURN b.revision AS revision
