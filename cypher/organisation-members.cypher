// The organisation's roles, systems or processes ($label), each with its department, by key.
// The label is one of three fixed names chosen in code (OrganisationService.members), never user input.
CALL () {
  MATCH (n:Role)-[:MEMBER_OF]->(d:Department) WHERE $label = 'Role' RETURN n, d
  UNION ALL
  MATCH (n:System)-[:OWNED_BY]->(d:Department) WHERE $label = 'System' RETURN n, d
  UNION ALL
  MATCH (n:Process)-[:OWNED_BY]->(d:Department) WHERE $label = 'Process' RETURN n, d
}
RETURN n.key AS key, n.name AS name, d {.key, .name} AS department
ORDER BY key
