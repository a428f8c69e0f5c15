// The part of a blueprint that one edit reads: its own fields, version and
// shape, every stage and step (their own fields, a few hundred at most), the
// pain points when $painPoints, and the actions of the steps the edit opens only: the steps
// named ($steps), those holding the actions named ($actions), those of the
// stages named ($stages), every step ($all), and with $dependents the steps
// of the actions that depend on an action of those. Each action carries what
// blueprint-contents gives it; the rest of the blueprint is not read, so an
// edit costs what it touches however large the blueprint.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
OPTIONAL CALL (b) {
  UNWIND $steps AS k
  MATCH (t:Step {blueprintKey: $key, key: k})
  USING INDEX t:Step(blueprintKey, key)
  RETURN t
  UNION
  UNWIND $actions AS k
  MATCH (a:Action {blueprintKey: $key, key: k})<-[:HAS_ACTION]-(t:Step)
  USING INDEX a:Action(blueprintKey, key)
  RETURN t
  UNION
  UNWIND $stages AS k
  MATCH (s:Stage {blueprintKey: $key, key: k})-[:HAS_STEP]->(t:Step)
  USING INDEX s:Stage(blueprintKey, key)
  RETURN t
  UNION
  UNWIND CASE WHEN $all THEN [b] ELSE [] END AS whole
  MATCH (whole)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step)
  RETURN t
}
WITH b, collect(t) AS named
CALL (named) {
  UNWIND CASE WHEN $dependents THEN named ELSE [] END AS t
  MATCH (t)-[:HAS_ACTION]->(:Action)<-[:DEPENDS_ON]-(:Action)<-[:HAS_ACTION]-(u:Step)
  WHERE NOT u IN named
  RETURN collect(DISTINCT u) AS dependentSteps
}
WITH b, named + dependentSteps AS opened
RETURN
  b {.key, .name, .description, .state, .personaName, .personaDescription, .updatedAt, revision: b.revision} AS blueprint,
  b.revision AS revision,
  b.shape AS shape,
  $painPoints AS painPointsRead,
  [(b)-[:HAS_STAGE]->(s:Stage) | s {.key, .name, .position}] AS stages,
  [(b)-[:HAS_STAGE]->(s:Stage)-[:HAS_STEP]->(t:Step) | t {.key, .name, .evidence, .position, stage: s.key}] AS steps,
  [t IN opened | t.key] AS openSteps,
  [t IN opened | [(t)-[:HAS_ACTION]->(a:Action) | a {
    .key, .lane, .name, .description, .channel, .touchpoint, .emotion, .position,
    step: t.key,
    role: head([(a)-[:PERFORMED_BY]->(r:Role)-[:MEMBER_OF]->(d:Department) | [r.key, r.name, d.key, d.name]]),
    department: head([(a)-[:OWNED_BY]->(d:Department) | [d.key, d.name]]),
    process: head([(a)-[:PART_OF]->(p:Process)-[:OWNED_BY]->(d:Department) | [p.key, p.name, d.key, d.name]]),
    systems: [(a)-[u:USES]->(y:System)-[:OWNED_BY]->(d:Department) | [u.position, y.key, y.name, d.key, d.name]],
    dependsOn: [(a)-[e:DEPENDS_ON]->(x:Action) | [e.position, x.key]]
  }]] AS actions,
  [(b)-[:HAS_PAIN_POINT]->(p:PainPoint) WHERE $painPoints | p {
    .key, .title, .description, .severity, .frequency, .category, .position,
    action: head([(p)-[:OCCURS_AT]->(x:Action) | x.key]),
    causes: [(p)-[c:CAUSED_BY]->(x:Action) | [c.position, x.key]]
  }] AS painPoints
