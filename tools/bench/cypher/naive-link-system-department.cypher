// Benchmark only (src/bench/naive-import.ts): one system's OWNED_BY per statement, moved from any other department.
MATCH (n:System {key: $key})
// A correlated lookup, so the planner joins by Apply rather than a CartesianProduct.
CALL { WITH n MATCH (d:Department {key: $department}) RETURN d }
OPTIONAL MATCH (n)-[old:OWNED_BY]->(other:Department)
WHERE other <> d
DELETE old
WITH DISTINCT n, d
MERGE (n)-[:OWNED_BY]->(d)
