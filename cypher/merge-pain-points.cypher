// A field a row leaves out is null (src/blueprints/document-rows.ts).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.action})
MERGE (p:PainPoint {blueprintKey: $key, key: row.key})
SET p.title = row.title, p.description = row.description, p.severity = row.severity,
    p.frequency = row.frequency, p.category = row.category, p.position = row.position
CREATE (b)-[:HAS_PAIN_POINT]->(p)-[:OCCURS_AT]->(a)
