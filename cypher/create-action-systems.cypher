// One row per action with the system keys it uses, in order: the action is
// sought once, and each position is the key's index.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.action})
UNWIND range(0, size(row.systems) - 1) AS position
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH row, position MATCH (y:System {key: row.systems[position]}) RETURN y }
CREATE (a)-[:USES {position: position}]->(y)
