UNWIND $rows AS row
MATCH (p:PainPoint {blueprintKey: $key, key: row.painPoint})
MATCH (a:Action {blueprintKey: $key, key: row.action})
CREATE (p)-[:CAUSED_BY {position: row.position}]->(a)
