// Removes a blueprint's own nodes (stages, steps, actions, pain points);
// the blueprint node and the organisation-wide nodes stay.
MATCH (b:Blueprint {key: $key})
OPTIONAL MATCH (b)-[:HAS_PAIN_POINT]->(p:PainPoint)
WITH b, collect(p) AS painPoints
OPTIONAL MATCH (b)-[:HAS_STAGE]->(s:Stage)
WITH b, painPoints, collect(s) AS stages
OPTIONAL MATCH (b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step)
WITH b, painPoints, stages, collect(t) AS steps
OPTIONAL MATCH (b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(:Step)-[:HAS_ACTION]->(a:Action)
WITH painPoints, stages, steps, collect(a) AS actions
WITH painPoints + stages + steps + actions AS owned
FOREACH (n IN owned | DETACH DELETE n)
RETURN size(owned) AS removed
