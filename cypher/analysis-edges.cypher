// Every DEPENDS_ON edge of the blueprints named in $keys, as each action's owning departments (of its role,
// explicit owner, process and systems, repeats included) and its dependencies' keys, with the action's
// place in document order (stage, step, own position): what departmentDependencies counts handoffs over.
// The version is read before the edges and again after them (`versionAfter`): a write that committed
// meanwhile may show in part.
UNWIND $keys AS key
MATCH (b:Blueprint {key: key})
WITH key, b, b.revision AS version
WITH key, b, version, [(b)-[:HAS_STAGE]->(s:Stage)-[:HAS_STEP]->(t:Step)-[:HAS_ACTION]->(a:Action) | {
  key: a.key,
  lane: a.lane,
  order: [s.position, t.position, a.position],
  owners: [(a)-[:PERFORMED_BY]->(:Role)-[:MEMBER_OF]->(d:Department) | [d.key, d.name]]
        + [(a)-[:OWNED_BY]->(d:Department) | [d.key, d.name]]
        + [(a)-[:PART_OF]->(:Process)-[:OWNED_BY]->(d:Department) | [d.key, d.name]]
        + [(a)-[:USES]->(:System)-[:OWNED_BY]->(d:Department) | [d.key, d.name]],
  dependsOn: [(a)-[e:DEPENDS_ON]->(x:Action) | [e.position, x.key]]
}] AS actions
RETURN key, version, b.revision AS versionAfter, actions
ORDER BY key
