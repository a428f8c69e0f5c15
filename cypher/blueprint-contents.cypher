// Whole blueprints in one round trip: their stages, steps, actions with every
// reference, and pain points. Each action carries the organisation-wide nodes
// it names with their departments, so the actions are walked only once.
// Order is restored from `position`. Follows a file that binds `b`:
// blueprints-by-key or blueprints-all. The revision and shape are read before
// the contents, so that a write committed meanwhile shows (BlueprintStore.contents).
WITH b, b.revision AS revision, b.shape AS shape
RETURN
  b {.key, .name, .description, .state, .personaName, .personaDescription, .updatedAt, revision: revision} AS blueprint,
  revision,
  shape,
  [(b)-[:HAS_STAGE]->(s:Stage) | s {.key, .name, .position}] AS stages,
  [(b)-[:HAS_STAGE]->(s:Stage)-[:HAS_STEP]->(t:Step) | t {.key, .name, .evidence, .position, stage: s.key}] AS steps,
  [(b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step)-[:HAS_ACTION]->(a:Action) | a {
    .key, .lane, .name, .description, .channel, .touchpoint, .emotion, .position,
    step: t.key,
    role: head([(a)-[:PERFORMED_BY]->(r:Role)-[:MEMBER_OF]->(d:Department) | [r.key, r.name, d.key, d.name]]),
    department: head([(a)-[:OWNED_BY]->(d:Department) | [d.key, d.name]]),
    process: head([(a)-[:PART_OF]->(p:Process)-[:OWNED_BY]->(d:Department) | [p.key, p.name, d.key, d.name]]),
    systems: [(a)-[u:USES]->(y:System)-[:OWNED_BY]->(d:Department) | [u.position, y.key, y.name, d.key, d.name]],
    dependsOn: [(a)-[e:DEPENDS_ON]->(x:Action) | [e.position, x.key]]
  }] AS actions,
  [(b)-[:HAS_PAIN_POINT]->(p:PainPoint) | p {
    .key, .title, .description, .severity, .frequency, .category, .position,
    action: head([(p)-[:OCCURS_AT]->(x:Action) | x.key]),
    causes: [(p)-[c:CAUSED_BY]->(x:Action) | [c.position, x.key]]
  }] AS painPoints
ORDER BY b.key
