// The write lock (blueprint-writes-lock.cypher) taken by a write of the organisation's shared entries:
// it queues behind blueprint writes, and it tells kept analysis results that owners may have moved.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MERGE (l:WriteLock {key: 'blueprints'})
SET l.writes = coalesce(l.writes, 0) + 1,
    l.organisationWrites = coalesce(l.organisationWrites, 0) + 1
