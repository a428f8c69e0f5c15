// Creates actions with their role, explicit owner and process.
UNWIND $rows AS row
MATCH (t:Step {blueprintKey: $key, key: row.step})
CREATE (t)-[:HAS_ACTION]->(a:Action {
  blueprintKey: $key, key: row.key, lane: row.lane, name: row.name, description: row.description,
  channel: row.channel, touchpoint: row.touchpoint, emotion: row.emotion, position: row.position
})
WITH a, row
OPTIONAL MATCH (r:Role {key: row.role})
OPTIONAL MATCH (d:Department {key: row.department})
OPTIONAL MATCH (p:Process {key: row.process})
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (a)-[:PERFORMED_BY]->(r))
FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END | CREATE (a)-[:OWNED_BY]->(d))
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (a)-[:PART_OF]->(p))
