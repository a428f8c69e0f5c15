// Actions with their step, role, explicit owner and process. A field a row
// leaves out is null (src/blueprints/document-rows.ts).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (t:Step {blueprintKey: $key, key: row.step})
MERGE (a:Action {blueprintKey: $key, key: row.key})
SET a.lane = row.lane, a.name = row.name, a.description = row.description, a.channel = row.channel,
    a.touchpoint = row.touchpoint, a.emotion = row.emotion, a.position = row.position
CREATE (t)-[:HAS_ACTION]->(a)
WITH a, row
OPTIONAL MATCH (r:Role {key: row.role})
OPTIONAL MATCH (d:Department {key: row.department})
OPTIONAL MATCH (p:Process {key: row.process})
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (a)-[:PERFORMED_BY]->(r))
FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END | CREATE (a)-[:OWNED_BY]->(d))
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (a)-[:PART_OF]->(p))
