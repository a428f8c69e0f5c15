MATCH (b:Blueprint {key: $key})
UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.action})
CREATE (b)-[:HAS_PAIN_POINT]->(p:PainPoint {
  blueprintKey: $key, key: row.key, title: row.title, description: row.description,
  severity: row.severity, frequency: row.frequency, category: row.category, position: row.position
})-[:OCCURS_AT]->(a)
