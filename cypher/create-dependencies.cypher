// One row per action with the action keys it depends on, in order: the
// action is sought once, and each position is the key's index.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.from})
UNWIND range(0, size(row.to) - 1) AS position
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH row, position MATCH (b:Action {blueprintKey: $key, key: row.to[position]}) RETURN b }
CREATE (a)-[:DEPENDS_ON {position: position}]->(b)
