// Benchmark only (src/bench/naive-import.ts): one role's MEMBER_OF per statement, moved from any other department.
MATCH (n:Role {key: $key})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH n MATCH (d:Department {key: $department}) RETURN d }
OPTIONAL MATCH (n)-[old:MEMBER_OF]->(other:Department)
WHERE other <> d
DELETE old
WITH DISTINCT n, d
MERGE (n)-[:MEMBER_OF]->(d)
