// The walk of a trace. Follows a file that binds, per blueprint `b`: `entries` (the actions walks start
// from), `reach` (how many DEPENDS_ON steps they take at most), `also` (actions read without walking from
// them), and `version`, `inStates`, `traced` and `painPoints`, passed through, with the version read again
// once all is read (`versionAfter`): a write that committed meanwhile may show in part. Reads every action within
// `reach` steps of an entry, by one pruning breadth-first expansion per entry (its bound 20 is
// MAX_DEPTH_LIMIT; `reach` filters), with what the blame flow and clients read of it: its references with
// their departments, its dependencies' keys, and its step and stage, for document order and step names.
CALL (entries, also, reach) {
  CALL (entries, also, reach) {
    UNWIND entries AS e
    WITH DISTINCT e
    MATCH path = (e)-[:DEPENDS_ON*0..20]->(a:Action)
    WITH a, min(length(path)) AS distance
    WHERE distance <= reach
    RETURN a
    UNION
    UNWIND also AS a
    RETURN a
  }
  MATCH (s:Stage)-[:HAS_STEP]->(t:Step)-[:HAS_ACTION]->(a)
  RETURN collect(a {
    .key, .lane, .name, .description, .channel, .touchpoint, .emotion, .position,
    step: t.key,
    stepName: t.name,
    order: [s.position, t.position, a.position],
    role: head([(a)-[:PERFORMED_BY]->(r:Role)-[:MEMBER_OF]->(d:Department) | [r.key, r.name, d.key, d.name]]),
    department: head([(a)-[:OWNED_BY]->(d:Department) | [d.key, d.name]]),
    process: head([(a)-[:PART_OF]->(p:Process)-[:OWNED_BY]->(d:Department) | [p.key, p.name, d.key, d.name]]),
    systems: [(a)-[u:USES]->(y:System)-[:OWNED_BY]->(d:Department) | [u.position, y.key, y.name, d.key, d.name]],
    dependsOn: [(a)-[e:DEPENDS_ON]->(x:Action) | [e.position, x.key]]
  }) AS actions
}
RETURN b.key AS key, version, b.revision AS versionAfter, inStates, traced, painPoints, actions
ORDER BY key
