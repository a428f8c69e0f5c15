UNWIND $rows AS row
MATCH (s:Stage {blueprintKey: $key, key: row.stage})
CREATE (s)-[:HAS_STEP]->(:Step {blueprintKey: $key, key: row.key, name: row.name, evidence: row.evidence, position: row.position})
