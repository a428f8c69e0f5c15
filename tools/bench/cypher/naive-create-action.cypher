// Benchmark only (src/bench/naive-import.ts): one action node per statement.
CREATE (:Action {
  blueprintKey: $blueprintKey, key: $key, lane: $lane, name: $name, description: $description,
  channel: $channel, touchpoint: $touchpoint, emotion: $emotion, position: $position
})
