// Actions named by blueprint and key ($actions: [{blueprintKey, key}]), read as trace-reach.cypher reads
// a trace's actions, by a walk of no steps: the actions a trace names but does not hold (what an action at
// its edge depends on), read when a client asks for them, and those `dependents` reached. With
// $painPointsAtRisk, also the pain points that occur at or are caused by one of them, with their actions.
UNWIND $actions AS wanted
MATCH (a:Action {blueprintKey: wanted.blueprintKey, key: wanted.key})
WITH wanted.blueprintKey AS key, collect(a) AS entries
MATCH (b:Blueprint {key: key})
CALL (entries) {
  UNWIND CASE WHEN $painPointsAtRisk THEN entries ELSE [] END AS x
  MATCH (p:PainPoint)-[:OCCURS_AT|CAUSED_BY]->(x)
  WITH DISTINCT p
  MATCH (p)-[:OCCURS_AT]->(at:Action)
  WITH p, at, [(p)-[c:CAUSED_BY]->(y:Action) | [c.position, y]] AS causes
  RETURN
    collect(p {
      .key, .title, .description, .severity, .frequency, .category, .position,
      action: at.key,
      causes: [c IN causes | [c[0], c[1].key]]
    }) AS painPoints,
    reduce(actions = [], list IN collect([at] + [c IN causes | c[1]]) | actions + list) AS also
}
WITH b, entries, painPoints, also, null AS version, true AS inStates, true AS traced, 0 AS reach
