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

/**
 * A map bounded by the weight of what it holds (an estimate of its bytes),
 * and by count if given: the least recently used entries go first once the
 * total is over the limit. An entry heavier than the whole limit is not kept.
 */
export class WeighedEntries<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly maxEntries = Infinity,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Marks an entry as just used. */
  touch(key: string): void {
    const entry = this.entries.get(key);
    if (entry) touch(this.entries, key, entry);
  }

  set(key: string, value: V, weight: number): void {
    this.delete(key);
    if (weight > this.limit) return;
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limit && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (const [key, { value }] of this.entries) yield [key, value];
  }

  get weight(): number {
    return this.total;
  }
}
