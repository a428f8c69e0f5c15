// Benchmark only (src/bench/naive-import.ts): one role's MEMBER_OF per statement, moved from any other department.
MATCH (n:Role {key: $key})
MATCH (d:Department {key: $department})
OPTIONAL MATCH (n)-[old:MEMBER_OF]->(other:Department)
WHERE other <> d
DELETE old
WITH DISTINCT n, d
MERGE (n)-[:MEMBER_OF]->(d)
