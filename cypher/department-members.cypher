// The roles, systems and processes of each department in $keys (a list), each list by key; none for an absent department.
UNWIND $keys AS key
OPTIONAL MATCH (d:Department {key: key})
RETURN key,
       COLLECT { MATCH (n:Role)-[:MEMBER_OF]->(d) RETURN n {.key, .name} AS entry ORDER BY entry.key } AS roles,
       COLLECT { MATCH (n:System)-[:OWNED_BY]->(d) RETURN n {.key, .name} AS entry ORDER BY entry.key } AS systems,
       COLLECT { MATCH (n:Process)-[:OWNED_BY]->(d) RETURN n {.key, .name} AS entry ORDER BY entry.key } AS processes
