UNWIND $rows AS row
MATCH (a:Action {blueprintKey: $key, key: row.from})
MATCH (b:Action {blueprintKey: $key, key: row.to})
CREATE (a)-[:DEPENDS_ON {position: row.position}]->(b)
