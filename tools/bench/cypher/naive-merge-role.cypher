// Benchmark only (src/bench/naive-import.ts): one role node per statement.
MERGE (n:Role {key: $key})
SET n.name = $name
