// Constraints and indexes, applied idempotently at every start.
// Organisation-wide keys are unique across the database.
CREATE CONSTRAINT blueprint_key IF NOT EXISTS FOR (n:Blueprint) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT department_key IF NOT EXISTS FOR (n:Department) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT role_key IF NOT EXISTS FOR (n:Role) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT system_key IF NOT EXISTS FOR (n:System) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT process_key IF NOT EXISTS FOR (n:Process) REQUIRE n.key IS UNIQUE;
// Stages, steps, actions and pain points are unique within their blueprint.
CREATE CONSTRAINT stage_key IF NOT EXISTS FOR (n:Stage) REQUIRE (n.blueprintKey, n.key) IS UNIQUE;
CREATE CONSTRAINT step_key IF NOT EXISTS FOR (n:Step) REQUIRE (n.blueprintKey, n.key) IS UNIQUE;
CREATE CONSTRAINT action_key IF NOT EXISTS FOR (n:Action) REQUIRE (n.blueprintKey, n.key) IS UNIQUE;
// The one node that serialises blueprint writes (blueprint-writes-lock) must stay one.
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT pain_point_key IF NOT EXISTS FOR (n:PainPoint) REQUIRE (n.blueprintKey, n.key) IS UNIQUE;
// A blueprint's versions, by number within it.
CREATE CONSTRAINT blueprint_version_key IF NOT EXISTS FOR (n:BlueprintVersion) REQUIRE (n.blueprintKey, n.version) IS UNIQUE;
// Blueprints written before versions were counted start at version 1, updated now.
MATCH (b:Blueprint) WHERE b.revision IS NULL OR b.updatedAt IS NULL
SET b.revision = coalesce(b.revision, 1), b.updatedAt = coalesce(b.updatedAt, toString(datetime.truncate('millisecond', datetime())));
// Opportunities are organisation-wide, by key.
CREATE CONSTRAINT opportunity_key IF NOT EXISTS FOR (n:Opportunity) REQUIRE n.key IS UNIQUE;
// Blueprints written before positions counted within their parent (an action in its step, a step in its
// stage) are renumbered once, in their order, so that an edit renumbers only the siblings it moves.
MATCH (b:Blueprint) WHERE b.positionsWithinParent IS NULL
CALL (b) {
  MATCH (b)-[:HAS_STAGE]->(s:Stage)-[:HAS_STEP]->(t:Step)
  CALL (t) {
    MATCH (t)-[:HAS_ACTION]->(a:Action)
    WITH a ORDER BY a.position
    WITH collect(a) AS actions
    FOREACH (i IN range(0, size(actions) - 1) | FOREACH (a IN [actions[i]] | SET a.position = i))
  }
}
CALL (b) {
  MATCH (b)-[:HAS_STAGE]->(s:Stage)
  CALL (s) {
    MATCH (s)-[:HAS_STEP]->(t:Step)
    WITH t ORDER BY t.position
    WITH collect(t) AS steps
    FOREACH (i IN range(0, size(steps) - 1) | FOREACH (t IN [steps[i]] | SET t.position = i))
  }
}
SET b.positionsWithinParent = true;
