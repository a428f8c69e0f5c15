// A new blueprint's actions, created under their steps (see create-stages),
// with their role, explicit owner and process: a unit subquery per link
// creates it when the key names a node and keeps the row either way. A field
// the row leaves out is null (src/blueprints/document-rows.ts).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (t:Step {blueprintKey: $key, key: row.step})
CREATE (t)-[:HAS_ACTION]->(a:Action {
  blueprintKey: $key, key: row.key, lane: row.lane, name: row.name, description: row.description,
  channel: row.channel, touchpoint: row.touchpoint, emotion: row.emotion, position: row.position
})
WITH a, row
CALL { WITH a, row MATCH (r:Role {key: row.role}) CREATE (a)-[:PERFORMED_BY]->(r) }
CALL { WITH a, row MATCH (d:Department {key: row.department}) CREATE (a)-[:OWNED_BY]->(d) }
CALL { WITH a, row MATCH (p:Process {key: row.process}) CREATE (a)-[:PART_OF]->(p) }
