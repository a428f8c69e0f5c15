// What an edit changed of a stored blueprint, before the merge statements
// write its new and relinked nodes: the blueprint's version stamp and own
// fields; the nodes that keep their links get their own fields set
// (`fields` holds every one, null clears); each rewritten stage, step,
// action and pain point loses its link from its parent and its own
// references (an action's role, owner, process, systems and dependencies; a
// pain point's action and causes), so that the merge statements link it
// anew; the links to it from nodes that did not change stay. The nodes the
// edit removed go with all their relationships. Every seek is by unique key.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
SET b.positionsWithinParent = true, b.revision = $version, b.updatedAt = $at,
    b.name = $name,
    b.description = $description,
    b.state = $state,
    b.personaName = $personaName,
    b.personaDescription = $personaDescription,
    b.shape = $shape
WITH DISTINCT b
CALL () {
  UNWIND $restated.stages AS row
  MATCH (n:Stage {blueprintKey: $key, key: row.key})
  SET n += row.fields
}
CALL () {
  UNWIND $restated.steps AS row
  MATCH (n:Step {blueprintKey: $key, key: row.key})
  SET n += row.fields
}
CALL () {
  UNWIND $restated.actions AS row
  MATCH (n:Action {blueprintKey: $key, key: row.key})
  SET n += row.fields
}
CALL () {
  UNWIND $restated.painPoints AS row
  MATCH (n:PainPoint {blueprintKey: $key, key: row.key})
  SET n += row.fields
}
CALL () {
  UNWIND $rewritten.stages AS k
  MATCH (:Blueprint {key: $key})-[r:HAS_STAGE]->(:Stage {blueprintKey: $key, key: k})
  DELETE r
}
CALL () {
  UNWIND $rewritten.steps AS k
  MATCH (:Stage)-[r:HAS_STEP]->(:Step {blueprintKey: $key, key: k})
  DELETE r
}
CALL () {
  UNWIND $rewritten.actions AS k
  MATCH (:Step)-[r:HAS_ACTION]->(:Action {blueprintKey: $key, key: k})
  DELETE r
}
CALL () {
  UNWIND $rewritten.actions AS k
  MATCH (:Action {blueprintKey: $key, key: k})-[r:PERFORMED_BY|OWNED_BY|PART_OF|USES|DEPENDS_ON]->()
  DELETE r
}
CALL () {
  UNWIND $rewritten.painPoints AS k
  MATCH (p:PainPoint {blueprintKey: $key, key: k})
  OPTIONAL MATCH (:Blueprint)-[r:HAS_PAIN_POINT]->(p)
  DELETE r
}
CALL () {
  UNWIND $rewritten.painPoints AS k
  MATCH (:PainPoint {blueprintKey: $key, key: k})-[r:OCCURS_AT|CAUSED_BY]->()
  DELETE r
}
CALL () {
  UNWIND $removed.painPoints AS k
  MATCH (n:PainPoint {blueprintKey: $key, key: k})
  DETACH DELETE n
}
CALL () {
  UNWIND $removed.actions AS k
  MATCH (n:Action {blueprintKey: $key, key: k})
  DETACH DELETE n
}
CALL () {
  UNWIND $removed.steps AS k
  MATCH (n:Step {blueprintKey: $key, key: k})
  DETACH DELETE n
}
CALL () {
  UNWIND $removed.stages AS k
  MATCH (n:Stage {blueprintKey: $key, key: k})
  DETACH DELETE n
}
RETURN b.revision AS revision
