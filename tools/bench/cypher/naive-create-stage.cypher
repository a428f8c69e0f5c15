// Benchmark only (src/bench/naive-import.ts): one stage node per statement.
CREATE (:Stage {blueprintKey: $blueprintKey, key: $key, name: $name, position: $position})
