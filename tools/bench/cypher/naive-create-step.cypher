// Benchmark only (src/bench/naive-import.ts): one step node per statement.
CREATE (:Step {blueprintKey: $blueprintKey, key: $key, name: $name, evidence: $evidence, position: $position})
