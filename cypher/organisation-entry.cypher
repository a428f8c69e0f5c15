// One organisation-wide entry as it is, by kind ('department', 'role',
// 'system' or 'process') and key: its name and, but for a department, its
// department's key. No row when there is none: what an upsert would create
// or change.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
CALL () {
  MATCH (n:Department {key: $key}) WHERE $kind = 'department'
  RETURN n.name AS name, null AS department
  UNION ALL
  MATCH (n:Role {key: $key}) WHERE $kind = 'role'
  OPTIONAL MATCH (n)-[:MEMBER_OF]->(d:Department)
  RETURN n.name AS name, d.key AS department
  UNION ALL
  MATCH (n:System {key: $key}) WHERE $kind = 'system'
  OPTIONAL MATCH (n)-[:OWNED_BY]->(d:Department)
  RETURN n.name AS name, d.key AS department
  UNION ALL
  MATCH (n:Process {key: $key}) WHERE $kind = 'process'
  OPTIONAL MATCH (n)-[:OWNED_BY]->(d:Department)
  RETURN n.name AS name, d.key AS department
}
RETURN name, department
