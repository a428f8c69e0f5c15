// One row per pain point with the action keys named as its causes, in order:
// the pain point is sought once, and each position is the key's index.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (p:PainPoint {blueprintKey: $key, key: row.painPoint})
UNWIND range(0, size(row.causes) - 1) AS position
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH row, position MATCH (a:Action {blueprintKey: $key, key: row.causes[position]}) RETURN a }
CREATE (p)-[:CAUSED_BY {position: position}]->(a)
