// Before a blueprint is written again: deletes every relationship of its own
// nodes (stages, steps, actions, pain points) and the nodes whose keys the new
// document no longer has. The nodes that stay keep their identity, so the
// rewrite seeks committed index entries: seeking keys deleted earlier in the
// same transaction is many times slower.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
WITH b,
  [(b)-[:HAS_PAIN_POINT]->(p:PainPoint) | p] AS painPoints,
  [(b)-[:HAS_STAGE]->(s:Stage) | s] AS stages,
  [(b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step) | t] AS steps,
  [(b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(:Step)-[:HAS_ACTION]->(a:Action) | a] AS actions
CALL { WITH b MATCH (b)-[r:HAS_STAGE|HAS_PAIN_POINT]->() DELETE r }
UNWIND painPoints + stages + steps + actions AS n
CALL { WITH n MATCH (n)-[r]->() DELETE r }
WITH n
WHERE (n:PainPoint AND NOT n.key IN $painPointKeys)
   OR (n:Stage AND NOT n.key IN $stageKeys)
   OR (n:Step AND NOT n.key IN $stepKeys)
   OR (n:Action AND NOT n.key IN $actionKeys)
DETACH DELETE n
