// Deletes a blueprint with its own nodes and its history; organisation-wide nodes stay.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
MATCH (b:Blueprint {key: $key})
OPTIONAL MATCH (b)-[:HAS_PAIN_POINT]->(p:PainPoint)
WITH b, collect(p) AS painPoints
OPTIONAL MATCH (b)-[:HAS_STAGE]->(s:Stage)
WITH b, painPoints, collect(s) AS stages
OPTIONAL MATCH (b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step)
WITH b, painPoints, stages, collect(t) AS steps
OPTIONAL MATCH (b)-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(:Step)-[:HAS_ACTION]->(a:Action)
WITH b, painPoints, stages, steps, collect(a) AS actions
OPTIONAL MATCH (b)-[:HAS_VERSION]->(v:BlueprintVersion)
WITH b, painPoints, stages, steps, actions, collect(v) AS versions
WITH b, painPoints + stages + steps + actions + versions AS owned
FOREACH (n IN owned | DETACH DELETE n)
DETACH DELETE b
RETURN count(*) AS deleted
