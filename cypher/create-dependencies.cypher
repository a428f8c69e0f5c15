UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.from})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH row MATCH (b:Action {blueprintKey: $key, key: row.to}) RETURN b }
CREATE (a)-[:DEPENDS_ON {position: row.position}]->(b)
