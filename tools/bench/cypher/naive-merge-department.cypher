// Benchmark only (src/bench/naive-import.ts): one department per statement.
MERGE (d:Department {key: $key})
SET d.name = $name
