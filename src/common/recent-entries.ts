/**
 * A map kept in the order its entries were last used, for bounded caches:
 * the least recently used entries go first when it holds more than its limit.
 */

/** Moves an entry to the young end of the map's order. */
export function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/** Sets an entry as the youngest, dropping the oldest beyond `limit`. */
export function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  touch(map, key, value);
  while (map.size > limit) map.delete(map.keys().next().value as string);
}
