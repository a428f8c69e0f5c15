// Actions named by blueprint and key ($actions: [{blueprintKey, key}]), read as trace-reach.cypher reads
// a trace's actions, by a walk of no steps: the actions a trace names but does not hold (what an action at
// its edge depends on), read when a client asks for them.
UNWIND $actions AS wanted
MATCH (a:Action {blueprintKey: wanted.blueprintKey, key: wanted.key})
WITH wanted.blueprintKey AS key, collect(a) AS entries
MATCH (b:Blueprint {key: key})
WITH b, entries, null AS version, true AS inStates, true AS traced, [] AS painPoints, [] AS also, 0 AS reach
