MATCH (b:Blueprint {key: $key})
UNWIND $rows AS row
CREATE (b)-[:HAS_STAGE]->(:Stage {blueprintKey: $key, key: row.key, name: row.name, position: row.position})
