import DataLoader from 'dataloader';

/**
 * One DataLoader per GraphQL request and name: the field resolvers of a
 * request's objects (a department's roles, a pain point's blueprint) ask for
 * one key each, and the loader reads all the keys asked in the same tick in
 * one query, instead of one round trip per object.
 *
 * Nothing is cached past the tick: a subscription's events share one context,
 * and each event must read the graph as it is then.
 */
const byRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

export function requestLoader<K, V>(
  context: object,
  name: string,
  read: (keys: K[]) => Promise<Map<K, V>>,
  absent: (key: K) => V | Error,
): DataLoader<K, V> {
  let loaders = byRequest.get(context);
  if (!loaders) byRequest.set(context, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(
      async (keys) => {
        const found = await read([...new Set(keys)]);
        return keys.map((key) => (found.has(key) ? found.get(key)! : absent(key)));
      },
      { cache: false },
    );
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
