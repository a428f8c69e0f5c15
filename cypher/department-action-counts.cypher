// How many actions, over every blueprint, each department in $keys (a list) owns: explicitly, or through
// the action's role, systems or process (an action counts once however many of these it shares); 0 when absent.
UNWIND $keys AS key
OPTIONAL MATCH (d:Department {key: key})
CALL (d) {
  UNWIND COLLECT { MATCH (a:Action)-[:OWNED_BY]->(d) RETURN a }
       + COLLECT { MATCH (a:Action)-[:PERFORMED_BY|USES|PART_OF]->()-[:MEMBER_OF|OWNED_BY]->(d) RETURN a } AS a
  RETURN count(DISTINCT a) AS actions
}
RETURN key, actions
