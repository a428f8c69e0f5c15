// Creates the blueprint node or takes its write lock, so that concurrent
// writes to one blueprint run one after the other.
MERGE (b:Blueprint {key: $key})
ON CREATE SET b.revision = 0
SET b.revision = b.revision + 1
RETURN b.revision AS revision
