import { Chain, chainsByDepartmentNow, topChains } from '../../src/analysis/blame-chains';
import { blameFlow, FlowAction, FlowGraph, FlowParams, FlowSource, Lane } from '../../src/analysis/blame-flow';
import { mulberry32 as prng } from '../../src/common/seeded-random';

/*
 * topChains against a brute-force enumeration of every walk (domain.md, blame
 * flow; api-contract.md, BlameChain): a chain is a walk from an entry action
 * to an action of the department; its mass is the department's part of what
 * the last action kept of the mass that travelled along exactly that walk.
 */

// ---------------------------------------------------------------------------
// brute force, written from domain.md only
// ---------------------------------------------------------------------------

interface Walk {
  actions: string[];
  /** The department's part of what the last action kept of this walk's mass. */
  mass: number;
}

/** Every walk that leaves mass with `department`, by following every walk from every entry. */
function allChains(graph: FlowGraph, source: FlowSource, params: FlowParams, department: string): Walk[] {
  const out: Walk[] = [];
  if (source.entries.length === 0) return out;
  const visit = (walk: string[], mass: number) => {
    const depth = walk.length - 1;
    const action = graph.get(walk[depth])!;
    const canPass = action.dependsOn.length > 0 && depth < params.maxDepth;
    const kept = !canPass ? mass : action.lane === 'CUSTOMER' ? 0 : params.retention * mass;
    const passed = canPass ? (action.lane === 'CUSTOMER' ? mass : (1 - params.retention) * mass) : 0;
    if (kept > 0 && action.owners.includes(department)) {
      out.push({ actions: walk, mass: kept / action.owners.length });
    }
    if (passed > 0) {
      for (const next of action.dependsOn) visit([...walk, next], passed / action.dependsOn.length);
    }
  };
  for (const entry of source.entries) visit([entry], source.impact / source.entries.length);
  return out;
}

// ---------------------------------------------------------------------------
// seeded random graphs
// ---------------------------------------------------------------------------

const LANES: Lane[] = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'];
const DEPARTMENTS = ['cs', 'it', 'log', 'qa'];

interface Case {
  seed: number;
  graph: FlowGraph;
  source: FlowSource;
  params: FlowParams;
  limit: number;
}

function randomCase(seed: number): Case {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pickDistinct = <T>(items: T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0]);
    return out;
  };

  const size = int(1, 7);
  const keys = Array.from({ length: size }, (_, i) => `a${i}`);
  const graph = new Map<string, FlowAction>();
  for (const key of keys) {
    const lane = LANES[int(0, 3)];
    // 0 to 3 owners (several owners often; none sometimes)
    const owners = pickDistinct(DEPARTMENTS, int(0, 3)).sort();
    // dependencies on any other action, cycles allowed (self-loops too, now and then)
    const targets = random() < 0.1 ? keys : keys.filter((k) => k !== key);
    const dependsOn = pickDistinct(targets, int(0, Math.min(3, targets.length)));
    graph.set(key, { key, lane, owners, dependsOn });
  }
  const entries = pickDistinct(keys, int(1, Math.min(3, size)));
  const retentions = [0, 1, 0.5, random(), random(), 0.3];
  const retention = retentions[int(0, retentions.length - 1)];
  const params: FlowParams = { retention, maxDepth: int(0, 5) };
  const impact = [1, 5 * 0.4, int(1, 5) * (0.05 + 0.95 * random())][int(0, 2)];
  return { seed, graph, source: { impact, entries }, params, limit: int(1, 5) };
}

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

const REL = 1e-12;
const close = (a: number, b: number, tol = REL) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));

function expectRelClose(actual: number, expected: number, what: string, tol = REL): void {
  if (!close(actual, expected, tol)) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

function graphOf(spec: Record<string, { lane?: Lane; owners?: string[]; deps?: string[] }>): FlowGraph {
  return new Map(
    Object.entries(spec).map(([key, s]) => [key, { key, lane: s.lane ?? 'BACKSTAGE', owners: s.owners ?? [], dependsOn: s.deps ?? [] }]),
  );
}

const byMassDesc = (a: Walk, b: Walk) => b.mass - a.mass;

/** Checks topChains for one department against the brute force; returns how many chain positions were compared walk by walk. */
function compareWithBruteForce(c: Case, department: string): number {
  const what = `seed ${c.seed}, department ${department}, params ${JSON.stringify(c.params)}, limit ${c.limit}`;
  const expected = allChains(c.graph, c.source, c.params, department).sort(byMassDesc);
  const got = topChains(c.graph, c.source, c.params, department, c.limit);

  expect({ what, length: got.length }).toEqual({ what, length: Math.min(c.limit, expected.length) });
  let walksCompared = 0;
  got.forEach((chain, i) => {
    expectRelClose(chain.mass, expected[i].mass, `${what}: mass of chain ${i}`);
    expect(chain.mass).toBeGreaterThan(0);
    if (i > 0) expect(chain.mass).toBeLessThanOrEqual(got[i - 1].mass);
    // every chain is a real walk: starts at an entry, follows dependencies, ends at an action of the department
    expect(c.source.entries).toContain(chain.actions[0]);
    for (let k = 1; k < chain.actions.length; k++) {
      expect(c.graph.get(chain.actions[k - 1])!.dependsOn).toContain(chain.actions[k]);
    }
    expect(c.graph.get(chain.actions[chain.actions.length - 1])!.owners).toContain(department);
    expect(chain.actions.length - 1).toBeLessThanOrEqual(c.params.maxDepth);
    // and it carries the mass the brute force gives that very walk
    const same = expected.find((w) => w.actions.join('>') === chain.actions.join('>'));
    expect({ what, walk: chain.actions, found: same !== undefined }).toEqual({ what, walk: chain.actions, found: true });
    expectRelClose(chain.mass, same!.mass, `${what}: mass of walk ${chain.actions.join('>')}`);

    // where the mass is not tied with any other walk's, the walk itself must be the same
    const tied = expected.filter((w) => close(w.mass, expected[i].mass, 1e-9)).length > 1;
    if (!tied) {
      expect({ what, i, walk: chain.actions }).toEqual({ what, i, walk: expected[i].actions });
      walksCompared++;
    }
  });
  // no two chains are the same walk
  expect(new Set(got.map((chain) => chain.actions.join('>'))).size).toBe(got.length);
  return walksCompared;
}

// ---------------------------------------------------------------------------

describe('topChains against a brute-force enumeration of all walks', () => {
  const cases = Array.from({ length: 150 }, (_, i) => randomCase(1000 + i * 7919));

  it('the random cases cover what they should', () => {
    const retentions = new Set(cases.map((c) => c.params.retention));
    expect(retentions.has(0)).toBe(true);
    expect(retentions.has(1)).toBe(true);
    expect(new Set(cases.map((c) => c.params.maxDepth))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(new Set(cases.map((c) => c.limit))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(cases.map((c) => c.source.entries.length))).toEqual(new Set([1, 2, 3]));
    expect(cases.every((c) => c.graph.size <= 7)).toBe(true);
    const hasCycle = (graph: FlowGraph) => {
      const state = new Map<string, number>();
      const dfs = (key: string): boolean => {
        state.set(key, 1);
        for (const next of graph.get(key)!.dependsOn) {
          if (state.get(next) === 1 || (!state.has(next) && dfs(next))) return true;
        }
        state.set(key, 2);
        return false;
      };
      return [...graph.keys()].some((key) => !state.has(key) && dfs(key));
    };
    expect(cases.filter((c) => hasCycle(c.graph)).length).toBeGreaterThan(30);
    expect(cases.filter((c) => [...c.graph.values()].some((a) => a.owners.length > 1)).length).toBeGreaterThan(50);
    expect(cases.filter((c) => [...c.graph.values()].some((a) => a.lane === 'CUSTOMER' && a.dependsOn.length > 0)).length).toBeGreaterThan(30);
  });

  it('on 150 seeded random graphs: same top masses, same walks where not tied', () => {
    let compared = 0;
    let walksCompared = 0;
    for (const c of cases) {
      for (const department of DEPARTMENTS) {
        walksCompared += compareWithBruteForce(c, department);
        compared++;
      }
    }
    expect(compared).toBe(600);
    expect(walksCompared).toBeGreaterThan(200);
  });

  it('on the same graphs, the masses of all walks of a department add up to its blameFlow score', () => {
    let nonZero = 0;
    for (const c of cases) {
      const flow = blameFlow(c.graph, c.source, c.params);
      let attributed = 0;
      for (const department of DEPARTMENTS) {
        const walks = allChains(c.graph, c.source, c.params, department);
        const sum = walks.reduce((total, w) => total + w.mass, 0);
        const score = flow.departments.get(department) ?? 0;
        expectRelClose(sum, score, `seed ${c.seed}, department ${department}: sum of walks vs score`);
        if (score > 0) nonZero++;
        attributed += score;
        // with a limit as large as the number of walks, topChains returns them all
        if (walks.length > 0) {
          const every = topChains(c.graph, c.source, c.params, department, walks.length);
          expect(every).toHaveLength(walks.length);
          expectRelClose(
            every.reduce((total, chain) => total + chain.mass, 0),
            score,
            `seed ${c.seed}, department ${department}: sum of all topChains vs score`,
          );
        }
      }
      // conservation, as a sanity check of the setting
      expectRelClose(attributed + flow.unattributed, c.source.impact, `seed ${c.seed}: conservation`, 1e-9);
    }
    expect(nonZero).toBeGreaterThan(150);
  });
});

describe('topChains: hand-worked cases', () => {
  const P = (retention: number, maxDepth: number): FlowParams => ({ retention, maxDepth });

  it('a chain through a customer action: the customer action keeps nothing and passes all', () => {
    // ca (CUSTOMER, no owner) -> fs (cs, it) -> bs (it); impact 4, alpha 0.5, maxDepth 6
    // ca keeps 0, passes 4; fs keeps 2 (1 to cs, 1 to it), passes 2; bs keeps 2 (it)
    const graph = graphOf({
      ca: { lane: 'CUSTOMER', deps: ['fs'] },
      fs: { lane: 'FRONTSTAGE', owners: ['cs', 'it'], deps: ['bs'] },
      bs: { owners: ['it'] },
    });
    const source = { impact: 4, entries: ['ca'] };
    expect(topChains(graph, source, P(0.5, 6), 'cs', 3)).toEqual([{ actions: ['ca', 'fs'], mass: 1 }]);
    expect(topChains(graph, source, P(0.5, 6), 'it', 3)).toEqual([
      { actions: ['ca', 'fs', 'bs'], mass: 2 },
      { actions: ['ca', 'fs'], mass: 1 },
    ]);
    expect(topChains(graph, source, P(0.5, 6), 'it', 1)).toEqual([{ actions: ['ca', 'fs', 'bs'], mass: 2 }]);
  });

  it('a customer action in the middle of a chain passes everything, whatever its owners', () => {
    // fs (cs) -> ca (CUSTOMER, web) -> bs (it); impact 8, alpha 0.25
    // fs keeps 2 (cs), passes 6; ca keeps 0, passes 6; bs keeps 6 (it)
    const graph = graphOf({
      fs: { lane: 'FRONTSTAGE', owners: ['cs'], deps: ['ca'] },
      ca: { lane: 'CUSTOMER', owners: ['web'], deps: ['bs'] },
      bs: { owners: ['it'] },
    });
    const source = { impact: 8, entries: ['fs'] };
    expect(topChains(graph, source, P(0.25, 6), 'cs', 3)).toEqual([{ actions: ['fs'], mass: 2 }]);
    expect(topChains(graph, source, P(0.25, 6), 'web', 3)).toEqual([]);
    expect(topChains(graph, source, P(0.25, 6), 'it', 3)).toEqual([{ actions: ['fs', 'ca', 'bs'], mass: 6 }]);
    // at the depth limit the customer action keeps everything
    expect(topChains(graph, source, P(0.25, 1), 'web', 3)).toEqual([{ actions: ['fs', 'ca'], mass: 6 }]);
  });

  it('a cycle is walked round until the depth limit', () => {
    // a (x) <-> b (y); impact 8, alpha 0.5, maxDepth 3, entry a
    // a@0 keeps 4, b@1 keeps 2, a@2 keeps 1, b@3 (limit) keeps 1
    const graph = graphOf({ a: { owners: ['x'], deps: ['b'] }, b: { owners: ['y'], deps: ['a'] } });
    const source = { impact: 8, entries: ['a'] };
    expect(topChains(graph, source, P(0.5, 3), 'x', 5)).toEqual([
      { actions: ['a'], mass: 4 },
      { actions: ['a', 'b', 'a'], mass: 1 },
    ]);
    expect(topChains(graph, source, P(0.5, 3), 'y', 5)).toEqual([
      { actions: ['a', 'b'], mass: 2 },
      { actions: ['a', 'b', 'a', 'b'], mass: 1 },
    ]);
    const flow = blameFlow(graph, source, P(0.5, 3));
    expect(flow.departments.get('x')).toBe(5);
    expect(flow.departments.get('y')).toBe(3);
  });

  it('a self-loop is walked round too', () => {
    // s (z) -> s; impact 1, alpha 0.5, maxDepth 2: keeps 1/2, 1/4, then 1/4 at the limit
    const graph = graphOf({ s: { owners: ['z'], deps: ['s'] } });
    expect(topChains(graph, { impact: 1, entries: ['s'] }, P(0.5, 2), 'z', 3)).toEqual([
      { actions: ['s'], mass: 0.5 },
      { actions: ['s', 's'], mass: 0.25 },
      { actions: ['s', 's', 's'], mass: 0.25 },
    ]);
  });

  it('equal masses are ordered by the walk keys', () => {
    // a -> b, a -> c, b -> d, c -> d (d: z); both walks to d carry the same mass
    const graph = graphOf({ a: { deps: ['c', 'b'] }, b: { deps: ['d'] }, c: { deps: ['d'] }, d: { owners: ['z'] } });
    const source = { impact: 1, entries: ['a'] };
    expect(topChains(graph, source, P(0, 6), 'z', 2)).toEqual([
      { actions: ['a', 'b', 'd'], mass: 0.5 },
      { actions: ['a', 'c', 'd'], mass: 0.5 },
    ]);
    expect(topChains(graph, source, P(0, 6), 'z', 1)).toEqual([{ actions: ['a', 'b', 'd'], mass: 0.5 }]);
  });

  it('several entries share the impact; a chain starts at its entry', () => {
    // causes f1 (cs) and f2 (it), both -> s (it); impact 6, alpha 0.5
    // f1 keeps 1.5 (cs), passes 1.5; f2 keeps 1.5 (it), passes 1.5; s keeps 1.5 + 1.5 (it)
    const graph = graphOf({ f1: { owners: ['cs'], deps: ['s'] }, f2: { owners: ['it'], deps: ['s'] }, s: { owners: ['it'] } });
    const source = { impact: 6, entries: ['f1', 'f2'] };
    expect(topChains(graph, source, P(0.5, 6), 'it', 5)).toEqual([
      { actions: ['f1', 's'], mass: 1.5 },
      { actions: ['f2'], mass: 1.5 },
      { actions: ['f2', 's'], mass: 1.5 },
    ]);
  });

  it('retention 1 leaves everything at the entries; retention 0 everything at the ends', () => {
    const graph = graphOf({ a: { owners: ['x'], deps: ['b'] }, b: { owners: ['x'] } });
    const source = { impact: 2, entries: ['a'] };
    expect(topChains(graph, source, P(1, 6), 'x', 3)).toEqual([{ actions: ['a'], mass: 2 }]);
    expect(topChains(graph, source, P(0, 6), 'x', 3)).toEqual([{ actions: ['a', 'b'], mass: 2 }]);
  });

  it('limit 0 (or less) gives no chains', () => {
    const graph = graphOf({ a: { owners: ['x'] } });
    expect(topChains(graph, { impact: 1, entries: ['a'] }, P(0.5, 6), 'x', 0)).toEqual([]);
    expect(topChains(graph, { impact: 1, entries: ['a'] }, P(0.5, 6), 'x', -1)).toEqual([]);
    expect(topChains(graph, { impact: 1, entries: ['a'] }, P(0.5, 6), 'x', 1)).toEqual([{ actions: ['a'], mass: 1 }]);
  });

  it('no entries, or a department that keeps nothing, give no chains', () => {
    const graph = graphOf({ a: { owners: ['x'] } });
    expect(topChains(graph, { impact: 1, entries: [] }, P(0.5, 6), 'x', 3)).toEqual([]);
    expect(topChains(graph, { impact: 1, entries: ['a'] }, P(0.5, 6), 'y', 3)).toEqual([]);
  });

  it('the chains cost no more than limit per (action, depth): a dense cyclic graph at depth 20 answers at once', () => {
    // 10 actions, each depending on all the others: 9^20 walks, far beyond enumeration
    const keys = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const graph = new Map<string, FlowAction>(
      keys.map((key, i) => [key, { key, lane: 'BACKSTAGE', owners: [`d${i % 3}`], dependsOn: keys.filter((k) => k !== key) }]),
    );
    const source = { impact: 5, entries: ['n0'] };
    const started = Date.now();
    const chains: Chain[] = topChains(graph, source, P(0.5, 20), 'd1', 3);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(chains).toHaveLength(3);
    // the heaviest walks to d1 (n1, n4, n7) are one step long: 5 * 0.5 / 9 * 0.5
    expect(chains.map((c) => c.actions)).toEqual([
      ['n0', 'n1'],
      ['n0', 'n4'],
      ['n0', 'n7'],
    ]);
    for (const chain of chains) expectRelClose(chain.mass, (5 * 0.5 * 0.5) / 9, 'one-step chain');
  });

  it('one search serves every department, polynomial in actions x depth x limit: 300 actions x 10 dependencies, depth 20, limit 100', () => {
    // Every action depends on the next ten, round in a cycle: 10^20 walks.
    const n = 300;
    const graph = new Map<string, FlowAction>();
    for (let i = 0; i < n; i++) {
      graph.set(`a${i}`, {
        key: `a${i}`,
        lane: i % 4 === 0 ? 'CUSTOMER' : 'BACKSTAGE',
        owners: i % 4 === 0 ? [] : [`d${i % 20}`],
        dependsOn: Array.from({ length: 10 }, (_, k) => `a${(i + k + 1) % n}`),
      });
    }
    const source = { impact: 5, entries: ['a0', 'a1'] };
    const started = Date.now();
    const all = chainsByDepartmentNow(graph, source, P(0.5, 20), 100);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(all.size).toBe(15);
    const smaller = chainsByDepartmentNow(graph, source, P(0.5, 20), 7);
    for (const [department, chains] of all) {
      expect(chains).toHaveLength(100);
      for (let i = 1; i < chains.length; i++) expect(chains[i].mass).toBeLessThanOrEqual(chains[i - 1].mass);
      // A smaller limit's chains are the larger limit's first ones.
      expect(smaller.get(department)).toEqual(chains.slice(0, 7));
    }
  });
});
