import { FlowGraph, FlowParams, FlowSource, keptFraction } from './blame-flow';

/**
 * The walks that carried the most mass from a pain point's entries to the
 * actions of one department (docs/api-contract.md, BlameChain).
 *
 * A walk's mass is a product of per-step factors, so the best `limit` walks
 * ending at (action, depth) extend only the best `limit` walks of the states
 * before it. Keeping that many per state makes the search linear in the edges
 * walked (times `limit`) instead of enumerating every walk.
 */

export interface Chain {
  /** Action keys from the entry (first) to an action of the department (last). */
  actions: string[];
  mass: number;
}

interface Partial {
  actions: string[];
  /** Mass arriving at the last action along exactly this walk. */
  mass: number;
}

export function topChains(
  graph: FlowGraph,
  source: FlowSource,
  params: FlowParams,
  department: string,
  limit: number,
): Chain[] {
  if (limit <= 0 || source.entries.length === 0) return [];
  const best: Chain[] = [];
  let frontier = new Map<string, Partial[]>();
  const entryMass = source.impact / source.entries.length;
  for (const key of source.entries) keepBest(frontier, key, { actions: [key], mass: entryMass }, limit);

  for (let depth = 0; frontier.size > 0; depth++) {
    const next = new Map<string, Partial[]>();
    for (const [key, walks] of frontier) {
      const action = graph.get(key);
      if (!action) throw new Error(`blame chains: unknown action "${key}"`);
      const keptShare = keptFraction(action, depth, params);
      if (keptShare > 0 && action.owners.includes(department)) {
        for (const walk of walks) {
          insertBest(best, { actions: walk.actions, mass: (walk.mass * keptShare) / action.owners.length }, limit);
        }
      }
      if (keptShare < 1) {
        const factor = (1 - keptShare) / action.dependsOn.length;
        for (const target of action.dependsOn) {
          for (const walk of walks) {
            keepBest(next, target, { actions: [...walk.actions, target], mass: walk.mass * factor }, limit);
          }
        }
      }
    }
    frontier = next;
  }
  return best;
}

function keepBest(states: Map<string, Partial[]>, key: string, walk: Partial, limit: number): void {
  let list = states.get(key);
  if (!list) states.set(key, (list = []));
  insertBest(list, walk, limit);
}

/** Inserts into a list kept sorted by mass (descending, then walk keys ascending) and cut to `limit`. */
function insertBest<T extends Partial>(list: T[], walk: T, limit: number): void {
  if (walk.mass <= 0) return;
  let at = list.length;
  while (at > 0 && before(walk, list[at - 1])) at--;
  if (at >= limit) return;
  list.splice(at, 0, walk);
  if (list.length > limit) list.pop();
}

function before(a: Partial, b: Partial): boolean {
  if (a.mass !== b.mass) return a.mass > b.mass;
  return a.actions.join('\u0000') < b.actions.join('\u0000');
}
