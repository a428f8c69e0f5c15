// The traces a blame question reads (docs/domain.md, "Blame flow"), one row per blueprint: the one named
// $key, or those named in $keys, with its version and whether it is in $states (every state when null).
// A blueprint in $states is traced unless the caller keeps its trace at that version ($known: blueprint
// key -> version): its pain points ($painPointKeys, or every one when null) and where their walks start,
// their causes or, with none, the action they occur at. The walk over DEPENDS_ON up to $maxDepth steps
// and the actions it reaches are trace-reach.cypher's, which follows this file. A question over many
// blueprints reads their versions first (analysis-versions.cypher) and names here those to trace.
CALL () {
  MATCH (b:Blueprint {key: $key}) RETURN b
  UNION
  UNWIND coalesce($keys, []) AS key
  MATCH (b:Blueprint {key: key}) RETURN b
}
WITH b, b.revision AS version, ($states IS NULL OR b.state IN $states) AS inStates
WITH b, version, inStates, inStates AND coalesce($known[b.key], -1) <> version AS traced
CALL (b, traced) {
  MATCH (b)-[:HAS_PAIN_POINT]->(p:PainPoint)-[:OCCURS_AT]->(at:Action)
  WHERE traced AND ($painPointKeys IS NULL OR p.key IN $painPointKeys)
  WITH p, at, [(p)-[c:CAUSED_BY]->(x:Action) | [c.position, x]] AS causes
  RETURN
    collect(p {
      .key, .title, .description, .severity, .frequency, .category, .position,
      action: at.key,
      causes: [c IN causes | [c[0], c[1].key]]
    }) AS painPoints,
    collect(at) AS occurrences,
    collect(CASE size(causes) WHEN 0 THEN [at] ELSE [c IN causes | c[1]] END) AS startLists
}
WITH b, version, inStates, traced, painPoints, occurrences AS also, $maxDepth AS reach,
     reduce(starts = [], list IN startLists | starts + list) AS entries
