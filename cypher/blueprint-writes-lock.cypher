// The lock that every write of a blueprint takes first, so that such writes
// run one after the other. They all touch the organisation's shared nodes
// (departments, roles, systems, processes), and each locks those as it meets
// them: in the order of its own document, keys being created before nodes
// that exist. No order is common to all writes, so concurrent ones deadlock,
// often enough that retries run out. Queued behind this lock, a write also
// sees every earlier write committed when it checks what exists.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MERGE (l:WriteLock {key: 'blueprints'})
SET l.writes = coalesce(l.writes, 0) + 1
