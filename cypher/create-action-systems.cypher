UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.action})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH row MATCH (y:System {key: row.system}) RETURN y }
CREATE (a)-[:USES {position: row.position}]->(y)
