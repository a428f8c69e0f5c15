// Benchmark only (src/bench/naive-import.ts): one process node per statement.
MERGE (n:Process {key: $key})
SET n.name = $name
