// What relies on X (docs/domain.md, "What relies on it"): X is a department,
// role, system or process by key, or an action of a blueprint. Its actions are
// those it owns, performs, is used by or holds (or the action itself); its
// dependents every other action from which one of them can be reached over
// DEPENDS_ON in 1..$maxDepth steps, with the fewest steps. The walk is a
// breadth-first shortest-path search from each of X's actions; its bound 20 is
// the largest maxDepth (MAX_DEPTH_LIMIT), the asked depth filters.
CALL () {
  OPTIONAL MATCH (t:Department {key: $key}) WHERE $level = 'DEPARTMENT' RETURN t
  UNION ALL
  OPTIONAL MATCH (t:Role {key: $key}) WHERE $level = 'ROLE' RETURN t
  UNION ALL
  OPTIONAL MATCH (t:System {key: $key}) WHERE $level = 'SYSTEM' RETURN t
  UNION ALL
  OPTIONAL MATCH (t:Process {key: $key}) WHERE $level = 'PROCESS' RETURN t
  UNION ALL
  OPTIONAL MATCH (t:Action {blueprintKey: $blueprintKey, key: $key}) WHERE $level = 'ACTION' RETURN t
}
WITH collect(t) AS targets
CALL (targets) {
  UNWIND targets AS t
  CALL (t) {
    MATCH (a:Action)-[:OWNED_BY]->(t:Department) RETURN a
    UNION
    MATCH (a:Action)-[:PERFORMED_BY]->(:Role)-[:MEMBER_OF]->(t:Department) RETURN a
    UNION
    MATCH (a:Action)-[:PART_OF]->(:Process)-[:OWNED_BY]->(t:Department) RETURN a
    UNION
    MATCH (a:Action)-[:USES]->(:System)-[:OWNED_BY]->(t:Department) RETURN a
    UNION
    MATCH (a:Action)-[:PERFORMED_BY]->(t:Role) RETURN a
    UNION
    MATCH (a:Action)-[:USES]->(t:System) RETURN a
    UNION
    MATCH (a:Action)-[:PART_OF]->(t:Process) RETURN a
    UNION
    MATCH (a:Action) WHERE a = t RETURN a
  }
  WITH a WHERE $blueprintKey IS NULL OR a.blueprintKey = $blueprintKey
  RETURN collect(DISTINCT a) AS own
}
CALL (own) {
  UNWIND own AS x
  MATCH p = ANY SHORTEST (d:Action)-[:DEPENDS_ON]->{1,20}(x)
  WHERE NOT d IN own
  WITH d, min(length(p)) AS distance
  WHERE distance <= $maxDepth
  RETURN collect({blueprintKey: d.blueprintKey, key: d.key, distance: distance}) AS dependents
}
RETURN size(targets) > 0 AS found,
       [a IN own | {blueprintKey: a.blueprintKey, key: a.key, distance: 0}] AS own,
       dependents
