// Whole blueprints in one round trip: their stages, steps, actions with every
// reference, pain points, and the organisation-wide nodes the actions name.
// Order is restored from `position`. Follows a file that binds `b`:
// blueprints-by-key or blueprints-all.
RETURN
  b {.key, .name, .description, .state, .personaName, .personaDescription} AS blueprint,
  [(b)-[:HAS_STAGE]->(s:Stage) | s {.key, .name, .position}] AS stages,
  [(b)-[:HAS_STAGE]->(s:Stage)-[:HAS_STEP]->(t:Step) | t {.key, .name, .evidence, .position, stage: s.key}] AS steps,
  [(b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step)-[:HAS_ACTION]->(a:Action) | a {
    .key, .lane, .name, .description, .channel, .touchpoint, .emotion, .position,
    step: t.key,
    role: head([(a)-[:PERFORMED_BY]->(r:Role) | r.key]),
    department: head([(a)-[:OWNED_BY]->(d:Department) | d.key]),
    process: head([(a)-[:PART_OF]->(p:Process) | p.key]),
    systems: [(a)-[u:USES]->(y:System) | [u.position, y.key]],
    dependsOn: [(a)-[e:DEPENDS_ON]->(x:Action) | [e.position, x.key]]
  }] AS actions,
  [(b)-[:HAS_PAIN_POINT]->(p:PainPoint) | p {
    .key, .title, .description, .severity, .frequency, .category, .position,
    action: head([(p)-[:OCCURS_AT]->(x:Action) | x.key]),
    causes: [(p)-[c:CAUSED_BY]->(x:Action) | [c.position, x.key]]
  }] AS painPoints,
  [(b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(:Step)-[:HAS_ACTION]->(:Action)-[:PERFORMED_BY|USES|PART_OF]->(o)-[:MEMBER_OF|OWNED_BY]->(d:Department)
    | [labels(o)[0], o.key, o.name, d.key, d.name]] AS organisation,
  [(b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(:Step)-[:HAS_ACTION]->(:Action)-[:OWNED_BY]->(d:Department)
    | [d.key, d.name]] AS ownerDepartments
ORDER BY b.key
