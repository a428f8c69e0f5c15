UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.action})
MATCH (y:System {key: row.system})
CREATE (a)-[:USES {position: row.position}]->(y)
