// Takes an existing blueprint's write lock before an edit reads it.
MATCH (b:Blueprint {key: $key})
SET b.revision = coalesce(b.revision, 0) + 1
RETURN b.revision AS revision
