import { FlowGraph, FlowParams, FlowSource, keptFraction } from './blame-flow';

/**
 * The walks that carried the most mass from a pain point's entries to the
 * actions of each department (api-contract.md, BlameChain).
 *
 * A walk's mass is a product of per-step factors, so the best `limit` walks
 * ending at (action, depth) extend only the best `limit` walks of the states
 * one step before. One search serves every department at once: the walks do
 * not depend on the department, only where they end does. Its cost is
 * depth x edges x limit x log(limit), never the number of walks, which grows
 * exponentially on cyclic or dense graphs.
 *
 * Ties in mass go to the walk whose keys come first, compared key by key. At
 * one depth every walk has the same length, so each is ranked once among all
 * walks of its depth; a walk's order is then its parent's rank and its own
 * key, and no key list is built or compared until a walk becomes a chain.
 */

export interface Chain {
  /** Action keys from the entry (first) to an action of the department (last). */
  actions: string[];
  mass: number;
}

interface Walk {
  key: string;
  /** Mass arriving at `key` along exactly this walk. */
  mass: number;
  parent: Walk | null;
  /** Position among all kept walks of the same depth, in key order. */
  rank: number;
}

/** The best chains of every department that the mass reaches, by department key. */
export type ChainsByDepartment = Map<string, Chain[]>;

/**
 * The search as steps: it yields after each action state, so that a caller
 * on a shared event loop can pause between steps (see chainsByDepartment).
 */
export function* chainSearch(graph: FlowGraph, source: FlowSource, params: FlowParams, limit: number, into: ChainsByDepartment): Generator<void, void> {
  if (limit <= 0 || source.entries.length === 0) return;
  const entryMass = source.impact / source.entries.length;
  let frontier = new Map<string, Walk[]>();
  // Entries never repeat (a document's causes are distinct keys).
  for (const key of source.entries) frontier.set(key, [{ key, mass: entryMass, parent: null, rank: 0 }]);
  rank(frontier);

  for (let depth = 0; frontier.size > 0; depth++) {
    const candidates = new Map<string, Walk[]>();
    for (const [key, walks] of frontier) {
      const action = graph.get(key);
      if (!action) throw new Error(`blame chains: unknown action "${key}"`);
      const keptShare = keptFraction(action, depth, params);
      if (keptShare > 0) {
        for (const department of action.owners) {
          let best = into.get(department);
          if (!best) into.set(department, (best = []));
          for (const walk of walks) offerChain(best, walk, (walk.mass * keptShare) / action.owners.length, limit);
        }
      }
      if (keptShare < 1) {
        const factor = (1 - keptShare) / action.dependsOn.length;
        for (const target of action.dependsOn) {
          let list = candidates.get(target);
          if (!list) candidates.set(target, (list = []));
          for (const walk of walks) {
            const mass = walk.mass * factor;
            if (mass > 0) list.push({ key: target, mass, parent: walk, rank: 0 });
          }
        }
      }
      yield;
    }
    frontier = new Map();
    for (const [key, list] of candidates) {
      // Walks into one state end in the same key: their order is their parents' order.
      list.sort((a, b) => b.mass - a.mass || a.parent!.rank - b.parent!.rank);
      frontier.set(key, list.length > limit ? list.slice(0, limit) : list);
    }
    rank(frontier);
  }
  for (const [department, chains] of into) if (chains.length === 0) into.delete(department);
}

/** Numbers the walks of one depth in key order: by their parent's rank, then their own key. */
function rank(frontier: Map<string, Walk[]>): void {
  const all = [...frontier.values()].flat();
  all.sort((a, b) => (a.parent && b.parent ? a.parent.rank - b.parent.rank : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  all.forEach((walk, index) => (walk.rank = index));
}

function keysOf(walk: Walk): string[] {
  const keys: string[] = [];
  for (let at: Walk | null = walk; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/** Inserts a chain into a list kept by mass (descending, then keys ascending) and cut to `limit`. */
function offerChain(best: Chain[], walk: Walk, mass: number, limit: number): void {
  if (mass <= 0) return;
  const worst = best[best.length - 1];
  if (best.length >= limit && mass < worst.mass) return;
  const chain = { actions: keysOf(walk), mass };
  let at = best.length;
  while (at > 0 && comesBefore(chain, best[at - 1])) at--;
  if (at >= limit) return;
  best.splice(at, 0, chain);
  if (best.length > limit) best.pop();
}

function comesBefore(a: Chain, b: Chain): boolean {
  if (a.mass !== b.mass) return a.mass > b.mass;
  const length = Math.min(a.actions.length, b.actions.length);
  for (let i = 0; i < length; i++) {
    if (a.actions[i] !== b.actions[i]) return a.actions[i] < b.actions[i];
  }
  return a.actions.length < b.actions.length;
}

/** The search run to its end at once: for tests and callers that own their thread. */
export function chainsByDepartmentNow(graph: FlowGraph, source: FlowSource, params: FlowParams, limit: number): ChainsByDepartment {
  const result: ChainsByDepartment = new Map();
  for (const _ of chainSearch(graph, source, params, limit, result));
  return result;
}

/** The best `limit` chains to one department's actions. */
export function topChains(graph: FlowGraph, source: FlowSource, params: FlowParams, department: string, limit: number): Chain[] {
  return chainsByDepartmentNow(graph, source, params, limit).get(department) ?? [];
}
