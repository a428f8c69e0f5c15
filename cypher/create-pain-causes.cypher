UNWIND $rows AS row
MATCH (p:PainPoint {blueprintKey: $key, key: row.painPoint})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH row MATCH (a:Action {blueprintKey: $key, key: row.action}) RETURN a }
CREATE (p)-[:CAUSED_BY {position: row.position}]->(a)
