// What kept analysis results depend on, in one node read: how many blueprint writes and how many
// organisation writes (renames, moves, deletes of shared entries) have committed, counted by the write lock.
OPTIONAL MATCH (l:WriteLock {key: 'blueprints'})
RETURN coalesce(l.writes, 0) AS writes, coalesce(l.organisationWrites, 0) AS organisationWrites
