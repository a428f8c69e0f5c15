// Benchmark only (src/bench/naive-import.ts): one system node per statement.
MERGE (n:System {key: $key})
SET n.name = $name
