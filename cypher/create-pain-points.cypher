// A new blueprint's pain points, created on their actions (see create-stages).
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.action})
CREATE (b)-[:HAS_PAIN_POINT]->(:PainPoint {
  blueprintKey: $key, key: row.key, title: row.title, description: row.description,
  severity: row.severity, frequency: row.frequency, category: row.category, position: row.position
})-[:OCCURS_AT]->(a)
