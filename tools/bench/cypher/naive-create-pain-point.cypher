// Benchmark only (src/bench/naive-import.ts): one pain point node per statement.
CREATE (:PainPoint {
  blueprintKey: $blueprintKey, key: $key, title: $title, description: $description,
  severity: $severity, frequency: $frequency, category: $category, position: $position
})
