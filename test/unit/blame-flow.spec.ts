import {
  blameFlow,
  DEFAULT_FLOW_PARAMS,
  edgeEnds,
  edgeId,
  FlowAction,
  FlowGraph,
  FlowParams,
  FlowResult,
  FlowSource,
  impactOf,
  keptFraction,
  Lane,
} from '../../src/analysis/blame-flow';
import { mulberry32 } from '../../src/common/seeded-random';

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

interface ActionSpec {
  lane?: Lane;
  owners?: string[];
  deps?: string[];
}

/** Builds a FlowGraph from a compact description: key -> {lane, owners, deps}. */
function graphOf(spec: Record<string, ActionSpec>): FlowGraph {
  const graph = new Map<string, FlowAction>();
  for (const [key, s] of Object.entries(spec)) {
    graph.set(key, {
      key,
      lane: s.lane ?? 'BACKSTAGE',
      owners: s.owners ?? [],
      dependsOn: s.deps ?? [],
    });
  }
  return graph;
}

function dept(result: FlowResult, key: string): number {
  return result.departments.get(key) ?? 0;
}

function edge(result: FlowResult, from: string, to: string): number {
  return result.edges.get(edgeId(from, to)) ?? 0;
}

function sumDepartments(result: FlowResult): number {
  let total = 0;
  for (const v of result.departments.values()) total += v;
  return total;
}

const P = (retention: number, maxDepth: number): FlowParams => ({ retention, maxDepth });

/** |a - b| <= tol * max(|a|, |b|), and exact equality when both are 0. */
function expectRelClose(actual: number, expected: number, tol: number, what = ''): void {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  const diff = Math.abs(actual - expected);
  if (!(diff <= tol * scale)) {
    throw new Error(
      `${what}: expected ${expected}, got ${actual} (diff ${diff}, allowed ${tol * scale})`,
    );
  }
}

// ---------------------------------------------------------------------------
// small helpers of the module
// ---------------------------------------------------------------------------

describe('blame-flow helpers', () => {
  it('has the default parameters of domain.md (alpha 0.5, maxDepth 6)', () => {
    expect(DEFAULT_FLOW_PARAMS).toEqual({ retention: 0.5, maxDepth: 6 });
  });

  it('impact is severity x frequency', () => {
    // 3 * 0.4 = 1.2 ; 5 * 1 = 5 ; 1 * 0.01 = 0.01
    expect(impactOf(3, 0.4)).toBeCloseTo(1.2, 15);
    expect(impactOf(5, 1)).toBe(5);
    expect(impactOf(1, 0.01)).toBeCloseTo(0.01, 15);
  });

  it('edgeId / edgeEnds round-trip, even with separators-looking keys', () => {
    for (const [a, b] of [
      ['a', 'b'],
      ['x->y', 'y:z'],
      ['', 'only-to'],
      ['only-from', ''],
      ['a b', 'c\td'],
    ]) {
      expect(edgeEnds(edgeId(a, b))).toEqual([a, b]);
    }
    expect(edgeId('a', 'bc')).not.toBe(edgeId('ab', 'c'));
  });

  it('keptFraction follows rule 3 of domain.md', () => {
    const leaf: FlowAction = { key: 'l', lane: 'SUPPORT', owners: ['S'], dependsOn: [] };
    const inner: FlowAction = { key: 'i', lane: 'BACKSTAGE', owners: ['B'], dependsOn: ['l'] };
    const customer: FlowAction = { key: 'c', lane: 'CUSTOMER', owners: [], dependsOn: ['i'] };
    const customerLeaf: FlowAction = { key: 'cl', lane: 'CUSTOMER', owners: [], dependsOn: [] };
    const params = P(0.3, 2);
    // no dependencies: keeps all, at any depth
    expect(keptFraction(leaf, 0, params)).toBe(1);
    expect(keptFraction(customerLeaf, 0, params)).toBe(1);
    // with dependencies, below the limit: retention; customer keeps nothing
    expect(keptFraction(inner, 0, params)).toBe(0.3);
    expect(keptFraction(inner, 1, params)).toBe(0.3);
    expect(keptFraction(customer, 1, params)).toBe(0);
    // at the depth limit: keeps all, customer included
    expect(keptFraction(inner, 2, params)).toBe(1);
    expect(keptFraction(customer, 2, params)).toBe(1);
  });
});

// ---------------------------------------------------------------------------
// hand-worked cases
// ---------------------------------------------------------------------------

describe('blameFlow: hand-worked cases', () => {
  // chain a (FRONTSTAGE, F) -> b (BACKSTAGE, B) -> c (SUPPORT, S)
  const chain = graphOf({
    a: { lane: 'FRONTSTAGE', owners: ['F'], deps: ['b'] },
    b: { lane: 'BACKSTAGE', owners: ['B'], deps: ['c'] },
    c: { lane: 'SUPPORT', owners: ['S'] },
  });

  it('retention 0: everything flows to the end of the chain', () => {
    // impact 4. a keeps 0*4 = 0, passes 4; b keeps 0, passes 4; c has no deps: keeps 4.
    const r = blameFlow(chain, { impact: 4, entries: ['a'] }, P(0, 6));
    expect(dept(r, 'F')).toBe(0);
    expect(dept(r, 'B')).toBe(0);
    expect(dept(r, 'S')).toBe(4);
    expect(r.unattributed).toBe(0);
    expect(r.nodes.get('a')).toEqual({ depth: 0, received: 4, kept: 0 });
    expect(r.nodes.get('b')).toEqual({ depth: 1, received: 4, kept: 0 });
    expect(r.nodes.get('c')).toEqual({ depth: 2, received: 4, kept: 4 });
    expect(edge(r, 'a', 'b')).toBe(4);
    expect(edge(r, 'b', 'c')).toBe(4);
  });

  it('retention 1: the entry keeps everything, nothing moves', () => {
    // impact 4. a keeps 1*4 = 4, passes 0: b and c never receive anything.
    const r = blameFlow(chain, { impact: 4, entries: ['a'] }, P(1, 6));
    expect(dept(r, 'F')).toBe(4);
    expect(dept(r, 'B')).toBe(0);
    expect(dept(r, 'S')).toBe(0);
    expect(r.unattributed).toBe(0);
    expect(r.nodes.get('a')).toEqual({ depth: 0, received: 4, kept: 4 });
    expect(r.nodes.has('b')).toBe(false);
    expect(r.nodes.has('c')).toBe(false);
    expect(edge(r, 'a', 'b')).toBe(0);
    expect(edge(r, 'b', 'c')).toBe(0);
  });

  it('maxDepth 0: the entry is at the limit and keeps everything', () => {
    // impact 4 at depth 0 = maxDepth: a keeps all 4 although it has a dependency.
    const r = blameFlow(chain, { impact: 4, entries: ['a'] }, P(0.5, 0));
    expect(dept(r, 'F')).toBe(4);
    expect(sumDepartments(r)).toBe(4);
    expect(r.nodes.get('a')).toEqual({ depth: 0, received: 4, kept: 4 });
    expect(r.nodes.size).toBe(1);
    expect(r.edges.size).toBe(0);
  });

  it('maxDepth 0: a customer action with dependencies also keeps everything (unattributed without owners)', () => {
    // customer c -> f, maxDepth 0: c at depth 0 = limit, keeps all 3, has no owner -> unattributed 3.
    const g = graphOf({
      c: { lane: 'CUSTOMER', deps: ['f'] },
      f: { lane: 'FRONTSTAGE', owners: ['F'] },
    });
    const r = blameFlow(g, { impact: 3, entries: ['c'] }, P(0.5, 0));
    expect(r.unattributed).toBe(3);
    expect(r.departments.size).toBe(0);
    expect(r.nodes.get('c')).toEqual({ depth: 0, received: 3, kept: 3 });
  });

  it('maxDepth 1 stops the chain at b', () => {
    // impact 4: a keeps 2, passes 2; b at depth 1 = limit keeps 2; c gets nothing.
    const r = blameFlow(chain, { impact: 4, entries: ['a'] }, P(0.5, 1));
    expect(dept(r, 'F')).toBe(2);
    expect(dept(r, 'B')).toBe(2);
    expect(dept(r, 'S')).toBe(0);
    expect(r.nodes.has('c')).toBe(false);
  });

  it('a chain of 3 actions with the default parameters', () => {
    // impact = severity 4 x frequency 0.5 = 2.
    // a (depth 0): keeps 0.5*2 = 1, passes 1 -> b
    // b (depth 1): keeps 0.5*1 = 0.5, passes 0.5 -> c
    // c (depth 2): no deps, keeps 0.5
    // F 1 + B 0.5 + S 0.5 = 2 = impact
    const r = blameFlow(chain, { impact: impactOf(4, 0.5), entries: ['a'] }, DEFAULT_FLOW_PARAMS);
    expect(r.impact).toBe(2);
    expect(dept(r, 'F')).toBe(1);
    expect(dept(r, 'B')).toBe(0.5);
    expect(dept(r, 'S')).toBe(0.5);
    expect(r.unattributed).toBe(0);
    expect(r.nodes.get('a')).toEqual({ depth: 0, received: 2, kept: 1 });
    expect(r.nodes.get('b')).toEqual({ depth: 1, received: 1, kept: 0.5 });
    expect(r.nodes.get('c')).toEqual({ depth: 2, received: 0.5, kept: 0.5 });
    expect(edge(r, 'a', 'b')).toBe(1);
    expect(edge(r, 'b', 'c')).toBe(0.5);
    expect(r.edges.size).toBe(2);
  });

  it('entering in the middle of the chain leaves the upper actions untouched', () => {
    // impact 2 at b: b keeps 1, passes 1; c keeps 1. a is never reached.
    const r = blameFlow(chain, { impact: 2, entries: ['b'] }, DEFAULT_FLOW_PARAMS);
    expect(dept(r, 'B')).toBe(1);
    expect(dept(r, 'S')).toBe(1);
    expect(r.nodes.has('a')).toBe(false);
    expect(r.nodes.get('b')!.depth).toBe(0);
    expect(r.nodes.get('c')!.depth).toBe(1);
  });

  describe('a cycle a -> b -> a goes round until the depth limit', () => {
    const cycle = graphOf({
      a: { lane: 'BACKSTAGE', owners: ['A'], deps: ['b'] },
      b: { lane: 'SUPPORT', owners: ['B'], deps: ['a'] },
    });
    // impact 8 at a, retention 0.5. Depth by depth:
    //   d0: a gets 8, keeps 4, passes 4 -> b
    //   d1: b gets 4, keeps 2, passes 2 -> a
    //   d2: a gets 2, keeps 1, passes 1 -> b
    //   d3: b gets 1, keeps .5, passes .5 -> a
    //   d4: a gets .5 ...
    // At d = maxDepth the receiver keeps all it got.
    const cases: Array<{
      maxDepth: number;
      a: { received: number; kept: number } | null;
      b: { received: number; kept: number } | null;
      ab: number;
      ba: number;
      why: string;
    }> = [
      { maxDepth: 0, a: { received: 8, kept: 8 }, b: null, ab: 0, ba: 0, why: 'a keeps 8 at the limit' },
      { maxDepth: 1, a: { received: 8, kept: 4 }, b: { received: 4, kept: 4 }, ab: 4, ba: 0, why: 'b keeps all 4 at d1' },
      {
        maxDepth: 2,
        // a: 8 + 2 received, 4 + 2 kept (all of the 2 at d2); b: 4 received, 2 kept
        a: { received: 10, kept: 6 },
        b: { received: 4, kept: 2 },
        ab: 4,
        ba: 2,
        why: 'a gets mass again at d2 and keeps it',
      },
      {
        maxDepth: 3,
        // a: 8 + 2 = 10 received, 4 + 1 = 5 kept; b: 4 + 1 = 5 received, 2 + 1 = 3 kept
        // edges: a->b 4 + 1 = 5, b->a 2
        a: { received: 10, kept: 5 },
        b: { received: 5, kept: 3 },
        ab: 5,
        ba: 2,
        why: 'b gets mass again at d3 and keeps it',
      },
      {
        maxDepth: 4,
        // a: 8 + 2 + .5 = 10.5 received, 4 + 1 + .5 = 5.5 kept
        // b: 4 + 1 = 5 received, 2 + .5 = 2.5 kept; edges a->b 5, b->a 2 + .5 = 2.5
        a: { received: 10.5, kept: 5.5 },
        b: { received: 5, kept: 2.5 },
        ab: 5,
        ba: 2.5,
        why: 'third visit of a at d4',
      },
    ];

    it.each(cases)('maxDepth $maxDepth: $why', ({ maxDepth, a, b, ab, ba }) => {
      const r = blameFlow(cycle, { impact: 8, entries: ['a'] }, P(0.5, maxDepth));
      if (a) expect(r.nodes.get('a')).toEqual({ depth: 0, ...a });
      else expect(r.nodes.has('a')).toBe(false);
      if (b) expect(r.nodes.get('b')).toEqual({ depth: 1, ...b });
      else expect(r.nodes.has('b')).toBe(false);
      expect(edge(r, 'a', 'b')).toBe(ab);
      expect(edge(r, 'b', 'a')).toBe(ba);
      expect(dept(r, 'A')).toBe(a ? a.kept : 0);
      expect(dept(r, 'B')).toBe(b ? b.kept : 0);
      expect(dept(r, 'A') + dept(r, 'B')).toBe(8);
    });

    it('with the defaults (maxDepth 6) the shares converge towards 2/3 : 1/3', () => {
      // a gets 8, 2, .5, .125 at d0, d2, d4, d6; keeps 4, 1, .25 and all .125 at d6 = 5.375
      // b gets 4, 1, .25 at d1, d3, d5; keeps 2, .5, .125 = 2.625
      const r = blameFlow(cycle, { impact: 8, entries: ['a'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'A')).toBe(5.375);
      expect(dept(r, 'B')).toBe(2.625);
      expect(r.nodes.get('a')!.received).toBe(10.625);
      expect(r.nodes.get('b')!.received).toBe(5.25);
      // edges: a->b 4 + 1 + .25 = 5.25 ; b->a 2 + .5 + .125 = 2.625
      expect(edge(r, 'a', 'b')).toBe(5.25);
      expect(edge(r, 'b', 'a')).toBe(2.625);
    });

    it('a self-loop also goes round', () => {
      // s -> s, impact 8, maxDepth 2: d0 keeps 4 passes 4; d1 keeps 2 passes 2; d2 keeps 2.
      const g = graphOf({ s: { owners: ['S'], deps: ['s'] } });
      const r = blameFlow(g, { impact: 8, entries: ['s'] }, P(0.5, 2));
      expect(r.nodes.get('s')).toEqual({ depth: 0, received: 14, kept: 8 });
      expect(edge(r, 's', 's')).toBe(6);
      expect(dept(r, 'S')).toBe(8);
    });
  });

  describe('explicit causes', () => {
    // pain point occurs at customer action c, names 2 causes x and y.
    const g = graphOf({
      c: { lane: 'CUSTOMER', deps: ['f'] },
      f: { lane: 'FRONTSTAGE', owners: ['F'], deps: ['x'] },
      x: { lane: 'BACKSTAGE', owners: ['B'] },
      y: { lane: 'SUPPORT', owners: ['IT'], deps: ['z'] },
      z: { lane: 'SUPPORT', owners: ['S'] },
    });

    it('split the impact equally among the causes, each at depth 0', () => {
      // impact 3 -> 1.5 to x, 1.5 to y.
      // x: no deps, keeps 1.5 -> B 1.5
      // y: keeps .75 -> IT .75, passes .75 to z; z keeps .75 -> S .75
      // c and f are not entries and nothing reaches them.
      const r = blameFlow(g, { impact: 3, entries: ['x', 'y'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'B')).toBe(1.5);
      expect(dept(r, 'IT')).toBe(0.75);
      expect(dept(r, 'S')).toBe(0.75);
      expect(dept(r, 'F')).toBe(0);
      expect(r.nodes.has('c')).toBe(false);
      expect(r.nodes.has('f')).toBe(false);
      expect(r.nodes.get('x')).toEqual({ depth: 0, received: 1.5, kept: 1.5 });
      expect(r.nodes.get('y')).toEqual({ depth: 0, received: 1.5, kept: 0.75 });
      expect(r.nodes.get('z')).toEqual({ depth: 1, received: 0.75, kept: 0.75 });
      expect(r.unattributed).toBe(0);
    });

    it('without causes the action it occurs at is the single entry', () => {
      // impact 4 at c (customer, has deps): keeps 0, passes 4 to f.
      // f keeps 2, passes 2 to x; x keeps 2. F 2, B 2.
      const r = blameFlow(g, { impact: 4, entries: ['c'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'F')).toBe(2);
      expect(dept(r, 'B')).toBe(2);
      expect(r.unattributed).toBe(0);
      expect(r.nodes.get('c')).toEqual({ depth: 0, received: 4, kept: 0 });
    });

    it('a cause that is also reached from another cause adds both masses; depth stays 0', () => {
      // entries f and x, impact 2 -> 1 each at depth 0.
      // f keeps .5, passes .5 to x at depth 1. x receives 1 + .5 = 1.5, keeps all.
      const r = blameFlow(g, { impact: 2, entries: ['f', 'x'] }, DEFAULT_FLOW_PARAMS);
      expect(r.nodes.get('x')).toEqual({ depth: 0, received: 1.5, kept: 1.5 });
      expect(dept(r, 'F')).toBe(0.5);
      expect(dept(r, 'B')).toBe(1.5);
      expect(edge(r, 'f', 'x')).toBe(0.5);
    });

    it('three causes get a third each', () => {
      // impact 3 over x, z, f: 1 each. x keeps 1; z keeps 1; f keeps .5, passes .5 to x.
      // B = 1 + .5 = 1.5, S = 1, F = .5
      const r = blameFlow(g, { impact: 3, entries: ['x', 'z', 'f'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'B')).toBe(1.5);
      expect(dept(r, 'S')).toBe(1);
      expect(dept(r, 'F')).toBe(0.5);
    });
  });

  describe('several owners', () => {
    it('a leaf with 3 owners splits what it keeps in thirds', () => {
      // impact 3, no deps: keeps 3 -> 1 each to F, IT, OPS.
      const g = graphOf({ a: { lane: 'FRONTSTAGE', owners: ['F', 'IT', 'OPS'] } });
      const r = blameFlow(g, { impact: 3, entries: ['a'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'F')).toBe(1);
      expect(dept(r, 'IT')).toBe(1);
      expect(dept(r, 'OPS')).toBe(1);
      expect(r.departments.size).toBe(3);
    });

    it('shares add up for a department owning several actions of a chain', () => {
      // impact 4: a [F, IT] keeps 2 -> F 1, IT 1; passes 2 to b [IT, S, OPS, X]
      // b keeps 2 (no deps) -> .5 each. IT = 1 + .5 = 1.5; F 1; S, OPS, X .5
      const g = graphOf({
        a: { lane: 'FRONTSTAGE', owners: ['F', 'IT'], deps: ['b'] },
        b: { lane: 'SUPPORT', owners: ['IT', 'S', 'OPS', 'X'] },
      });
      const r = blameFlow(g, { impact: 4, entries: ['a'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'F')).toBe(1);
      expect(dept(r, 'IT')).toBe(1.5);
      expect(dept(r, 'S')).toBe(0.5);
      expect(dept(r, 'OPS')).toBe(0.5);
      expect(dept(r, 'X')).toBe(0.5);
      expect(sumDepartments(r)).toBe(4);
    });
  });

  describe('customer actions', () => {
    it('with dependencies: keeps nothing and passes everything (retention ignored)', () => {
      // impact 5, retention .9: c keeps 0, passes 5 split 2.5 / 2.5 to f1, f2; both leaves keep all.
      const g = graphOf({
        c: { lane: 'CUSTOMER', deps: ['f1', 'f2'] },
        f1: { lane: 'FRONTSTAGE', owners: ['F'] },
        f2: { lane: 'FRONTSTAGE', owners: ['G'] },
      });
      const r = blameFlow(g, { impact: 5, entries: ['c'] }, P(0.9, 6));
      expect(r.nodes.get('c')).toEqual({ depth: 0, received: 5, kept: 0 });
      expect(dept(r, 'F')).toBe(2.5);
      expect(dept(r, 'G')).toBe(2.5);
      expect(r.unattributed).toBe(0);
      expect(edge(r, 'c', 'f1')).toBe(2.5);
      expect(edge(r, 'c', 'f2')).toBe(2.5);
    });

    it('with dependencies and retention 1: still passes everything', () => {
      // retention 1: c (customer with deps) keeps 0 and passes 5 to f;
      // f is not a customer, has a dependency, retention 1: keeps all 5, s gets nothing.
      const g = graphOf({
        c: { lane: 'CUSTOMER', deps: ['f'] },
        f: { lane: 'FRONTSTAGE', owners: ['F'], deps: ['s'] },
        s: { lane: 'SUPPORT', owners: ['S'] },
      });
      const r = blameFlow(g, { impact: 5, entries: ['c'] }, P(1, 6));
      expect(dept(r, 'F')).toBe(5);
      expect(dept(r, 'S')).toBe(0);
      expect(r.nodes.get('c')!.kept).toBe(0);
    });

    it('a customer action reached deeper in a chain also keeps nothing', () => {
      // impact 4: f keeps 2, passes 2 to c; c (customer) keeps 0, passes 2 to s; s keeps 2.
      const g = graphOf({
        f: { lane: 'FRONTSTAGE', owners: ['F'], deps: ['c'] },
        c: { lane: 'CUSTOMER', owners: [], deps: ['s'] },
        s: { lane: 'SUPPORT', owners: ['S'] },
      });
      const r = blameFlow(g, { impact: 4, entries: ['f'] }, DEFAULT_FLOW_PARAMS);
      expect(r.nodes.get('c')).toEqual({ depth: 1, received: 2, kept: 0 });
      expect(dept(r, 'F')).toBe(2);
      expect(dept(r, 'S')).toBe(2);
      expect(r.unattributed).toBe(0);
    });

    it('without dependencies and without owners: keeps all, unattributed', () => {
      // impact 5 at c (no deps, no owners): keeps 5 -> unattributed 5.
      const g = graphOf({ c: { lane: 'CUSTOMER' } });
      const r = blameFlow(g, { impact: 5, entries: ['c'] }, DEFAULT_FLOW_PARAMS);
      expect(r.nodes.get('c')).toEqual({ depth: 0, received: 5, kept: 5 });
      expect(r.unattributed).toBe(5);
      expect(r.departments.size).toBe(0);
    });

    it('without dependencies but with an owner: keeps all, attributed to it', () => {
      // impact 5 at c (no deps, explicit owner SALES): SALES 5.
      const g = graphOf({ c: { lane: 'CUSTOMER', owners: ['SALES'] } });
      const r = blameFlow(g, { impact: 5, entries: ['c'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'SALES')).toBe(5);
      expect(r.unattributed).toBe(0);
    });

    it('non-customer actions without owners leave what they keep unattributed', () => {
      // impact 4: f (no owners) keeps 2 -> unattributed 2; s keeps 2 -> S 2.
      const g = graphOf({
        f: { lane: 'FRONTSTAGE', deps: ['s'] },
        s: { lane: 'SUPPORT', owners: ['S'] },
      });
      const r = blameFlow(g, { impact: 4, entries: ['f'] }, DEFAULT_FLOW_PARAMS);
      expect(r.unattributed).toBe(2);
      expect(dept(r, 'S')).toBe(2);
    });
  });

  describe('diamond a->b, a->c, b->d, c->d', () => {
    const diamond = graphOf({
      a: { lane: 'FRONTSTAGE', owners: ['A'], deps: ['b', 'c'] },
      b: { lane: 'BACKSTAGE', owners: ['B'], deps: ['d'] },
      c: { lane: 'BACKSTAGE', owners: ['C'], deps: ['d'] },
      d: { lane: 'SUPPORT', owners: ['D'] },
    });

    it('mass adds up at d', () => {
      // impact 8: a keeps 4, passes 2 to b and 2 to c.
      // b keeps 1, passes 1 to d; c keeps 1, passes 1 to d.
      // d (depth 2) gets 1 + 1 = 2, keeps 2.
      const r = blameFlow(diamond, { impact: 8, entries: ['a'] }, DEFAULT_FLOW_PARAMS);
      expect(dept(r, 'A')).toBe(4);
      expect(dept(r, 'B')).toBe(1);
      expect(dept(r, 'C')).toBe(1);
      expect(dept(r, 'D')).toBe(2);
      expect(r.nodes.get('d')).toEqual({ depth: 2, received: 2, kept: 2 });
      expect(edge(r, 'a', 'b')).toBe(2);
      expect(edge(r, 'a', 'c')).toBe(2);
      expect(edge(r, 'b', 'd')).toBe(1);
      expect(edge(r, 'c', 'd')).toBe(1);
    });

    it('with a shortcut a->d, d is reached at depths 1 and 2 and its depth is 1', () => {
      // impact 6: a keeps 3, passes 1 to each of b, c, d.
      // d gets 1 at depth 1; b and c keep .5 each and pass .5 each to d at depth 2.
      // d received 1 + .5 + .5 = 2, keeps 2, depth min(1, 2) = 1.
      const g = graphOf({
        a: { lane: 'FRONTSTAGE', owners: ['A'], deps: ['b', 'c', 'd'] },
        b: { lane: 'BACKSTAGE', owners: ['B'], deps: ['d'] },
        c: { lane: 'BACKSTAGE', owners: ['C'], deps: ['d'] },
        d: { lane: 'SUPPORT', owners: ['D'] },
      });
      const r = blameFlow(g, { impact: 6, entries: ['a'] }, DEFAULT_FLOW_PARAMS);
      expect(r.nodes.get('d')).toEqual({ depth: 1, received: 2, kept: 2 });
      expect(dept(r, 'A')).toBe(3);
      expect(dept(r, 'B')).toBe(0.5);
      expect(dept(r, 'C')).toBe(0.5);
      expect(dept(r, 'D')).toBe(2);
    });

    it('depth limit 2 at d: mass arriving at the limit is kept', () => {
      // d has a dependency e here; maxDepth 2: d at depth 2 = limit keeps its 2, e gets nothing.
      const g = graphOf({
        a: { owners: ['A'], deps: ['b', 'c'] },
        b: { owners: ['B'], deps: ['d'] },
        c: { owners: ['C'], deps: ['d'] },
        d: { owners: ['D'], deps: ['e'] },
        e: { owners: ['E'] },
      });
      const r = blameFlow(g, { impact: 8, entries: ['a'] }, P(0.5, 2));
      expect(dept(r, 'D')).toBe(2);
      expect(r.nodes.has('e')).toBe(false);
    });
  });

  describe('edge cases of the input', () => {
    it('an unknown entry action is an error', () => {
      const g = graphOf({ a: {} });
      expect(() => blameFlow(g, { impact: 1, entries: ['nope'] }, DEFAULT_FLOW_PARAMS)).toThrow(/nope/);
    });

    it('an unknown dependency is an error when mass reaches it', () => {
      const g = graphOf({ a: { deps: ['ghost'] } });
      expect(() => blameFlow(g, { impact: 1, entries: ['a'] }, DEFAULT_FLOW_PARAMS)).toThrow(/ghost/);
    });

    it('no entries: the whole impact is unattributed', () => {
      const r = blameFlow(graphOf({}), { impact: 2.5, entries: [] }, DEFAULT_FLOW_PARAMS);
      expect(r.unattributed).toBe(2.5);
      expect(r.departments.size).toBe(0);
      expect(r.nodes.size).toBe(0);
    });

    it('does not mutate its inputs', () => {
      const g = graphOf({
        a: { owners: ['A'], deps: ['b'] },
        b: { owners: ['B'], deps: ['a'] },
      });
      const before = JSON.stringify([...g.entries()]);
      const source: FlowSource = { impact: 1, entries: ['a'] };
      blameFlow(g, source, DEFAULT_FLOW_PARAMS);
      expect(JSON.stringify([...g.entries()])).toBe(before);
      expect(source).toEqual({ impact: 1, entries: ['a'] });
    });

    it('stays linear on a dense cyclic graph with a deep limit (walk count would be astronomic)', () => {
      // complete digraph on 30 nodes, maxDepth 60: 29^60 walks, 60 x 870 edge steps.
      const spec: Record<string, ActionSpec> = {};
      const keys = Array.from({ length: 30 }, (_, i) => `n${i}`);
      for (const k of keys) spec[k] = { owners: [`D${k}`], deps: keys.filter((x) => x !== k) };
      const r = blameFlow(graphOf(spec), { impact: 7, entries: ['n0'] }, P(0.1, 60));
      expectRelClose(sumDepartments(r) + r.unattributed, 7, 1e-9, 'conservation');
    });
  });
});

// ---------------------------------------------------------------------------
// random graphs
// ---------------------------------------------------------------------------

const LANES: Lane[] = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'];
const DEPARTMENTS = ['CARE', 'IT', 'LOGISTICS', 'SALES', 'FINANCE', 'QA'];

interface RandomCase {
  graph: FlowGraph;
  source: FlowSource;
  params: FlowParams;
}

function randomCase(
  rand: () => number,
  opts: { maxNodes: number; maxDepth: number; maxOutDegree: number },
): RandomCase {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const pickDistinct = <T>(from: readonly T[], n: number): T[] => {
    const pool = [...from];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0]);
    return out;
  };

  const n = int(1, opts.maxNodes);
  const keys = Array.from({ length: n }, (_, i) => `act${i}`);
  const graph = new Map<string, FlowAction>();
  for (const key of keys) {
    const others = keys.filter((k) => k !== key); // no self edges
    graph.set(key, {
      key,
      lane: LANES[int(0, LANES.length - 1)],
      owners: pickDistinct(DEPARTMENTS, int(0, 4)),
      // random order, no repeats; leaves appear often (degree 0 has probability 1/(max+1))
      dependsOn: pickDistinct(others, int(0, Math.min(opts.maxOutDegree, others.length))),
    });
  }
  const entries = pickDistinct(keys, int(1, Math.min(3, n)));
  const impact = impactOf(int(1, 5), rand() < 0.3 ? 1 : 1 - rand()); // frequency in (0, 1]
  const roll = rand();
  const retention = roll < 0.1 ? 0 : roll < 0.2 ? 1 : rand();
  return { graph, source: { impact, entries }, params: { retention, maxDepth: int(0, opts.maxDepth) } };
}

/**
 * Independent reference: follow every walk from every entry explicitly, with
 * rule 3 of domain.md written out again (not using keptFraction).
 */
function bruteForce(graph: FlowGraph, source: FlowSource, params: FlowParams) {
  const departments = new Map<string, number>();
  const nodes = new Map<string, { depth: number; received: number; kept: number }>();
  const edges = new Map<string, number>();
  let unattributed = 0;

  const visit = (key: string, mass: number, depth: number): void => {
    const action = graph.get(key)!;
    const canPass = action.dependsOn.length > 0 && depth < params.maxDepth;
    const kept = !canPass ? mass : action.lane === 'CUSTOMER' ? 0 : params.retention * mass;
    const passed = canPass ? (action.lane === 'CUSTOMER' ? mass : (1 - params.retention) * mass) : 0;

    const node = nodes.get(key);
    if (!node) nodes.set(key, { depth, received: mass, kept });
    else {
      node.depth = Math.min(node.depth, depth);
      node.received += mass;
      node.kept += kept;
    }
    const owners = new Set(action.owners);
    if (owners.size === 0) unattributed += kept;
    else for (const d of owners) departments.set(d, (departments.get(d) ?? 0) + kept / owners.size);

    if (canPass && (action.lane === 'CUSTOMER' || params.retention < 1)) {
      const each = passed / action.dependsOn.length;
      for (const target of action.dependsOn) {
        edges.set(edgeId(key, target), (edges.get(edgeId(key, target)) ?? 0) + each);
        visit(target, each, depth + 1);
      }
    }
  };
  for (const e of source.entries) visit(e, source.impact / source.entries.length, 0);
  return { departments, nodes, edges, unattributed };
}

describe('blameFlow on random graphs', () => {
  it('conserves mass, keeps <= receives, and balances flow on 200 random graphs', () => {
    const rand = mulberry32(20240611);
    let sawCycle = 0;
    for (let i = 0; i < 200; i++) {
      const { graph, source, params } = randomCase(rand, { maxNodes: 12, maxDepth: 8, maxOutDegree: 4 });
      const tag = `graph #${i} (retention ${params.retention}, maxDepth ${params.maxDepth})`;
      const r = blameFlow(graph, source, params);

      // conservation: sum(departments) + unattributed == impact
      expect(r.impact).toBe(source.impact);
      expectRelClose(sumDepartments(r) + r.unattributed, source.impact, 1e-9, `${tag} conservation`);
      for (const [d, v] of r.departments) {
        expect(DEPARTMENTS).toContain(d);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(r.unattributed).toBeGreaterThanOrEqual(0);

      // per node: 0 <= kept <= received; depth within [0, maxDepth]
      let keptTotal = 0;
      for (const [key, node] of r.nodes) {
        expect(graph.has(key)).toBe(true);
        expect(node.kept).toBeGreaterThanOrEqual(0);
        expect(node.kept).toBeLessThanOrEqual(node.received * (1 + 1e-12));
        expect(node.depth).toBeGreaterThanOrEqual(0);
        expect(node.depth).toBeLessThanOrEqual(params.maxDepth);
        keptTotal += node.kept;
      }
      expectRelClose(keptTotal, source.impact, 1e-9, `${tag} kept total`);

      // edges exist in the graph and carry non-negative mass
      const inflow = new Map<string, number>();
      const outflow = new Map<string, number>();
      for (const [id, m] of r.edges) {
        const [from, to] = edgeEnds(id);
        expect(graph.get(from)!.dependsOn).toContain(to);
        expect(m).toBeGreaterThanOrEqual(0);
        inflow.set(to, (inflow.get(to) ?? 0) + m);
        outflow.set(from, (outflow.get(from) ?? 0) + m);
        if (graph.get(to)!.dependsOn.includes(from)) sawCycle++;
      }

      // flow balance: received = entry mass + sum(incoming edges); passed = received - kept
      const entryMass = source.impact / source.entries.length;
      for (const key of graph.keys()) {
        const node = r.nodes.get(key);
        const received = node?.received ?? 0;
        const fromEntries = source.entries.filter((e) => e === key).length * entryMass;
        const expectedIn = fromEntries + (inflow.get(key) ?? 0);
        expect(Math.abs(received - expectedIn)).toBeLessThanOrEqual(1e-9 * Math.max(1, received));
        const expectedOut = received - (node?.kept ?? 0);
        expect(Math.abs((outflow.get(key) ?? 0) - expectedOut)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, received),
        );
      }
    }
    // the generator does produce cyclic flows (2-cycles at least), so cycles are exercised
    expect(sawCycle).toBeGreaterThan(0);
  });

  it('agrees with a brute-force enumeration of all walks on 100 small random graphs', () => {
    const rand = mulberry32(0xb1a3e);
    let nonTrivial = 0;
    for (let i = 0; i < 100; i++) {
      const { graph, source, params } = randomCase(rand, { maxNodes: 6, maxDepth: 5, maxOutDegree: 5 });
      const tag = `small graph #${i} (retention ${params.retention}, maxDepth ${params.maxDepth})`;
      const r = blameFlow(graph, source, params);
      const ref = bruteForce(graph, source, params);

      // departments: same set, same masses
      const keys = new Set([...r.departments.keys(), ...ref.departments.keys()]);
      for (const d of keys) {
        expectRelClose(r.departments.get(d) ?? 0, ref.departments.get(d) ?? 0, 1e-12, `${tag} dept ${d}`);
      }
      expectRelClose(r.unattributed, ref.unattributed, 1e-12, `${tag} unattributed`);

      // nodes: same set, same received / kept / smallest depth
      expect([...r.nodes.keys()].sort()).toEqual([...ref.nodes.keys()].sort());
      for (const [key, want] of ref.nodes) {
        const got = r.nodes.get(key)!;
        expect(got.depth).toBe(want.depth);
        expectRelClose(got.received, want.received, 1e-12, `${tag} received ${key}`);
        expectRelClose(got.kept, want.kept, 1e-12, `${tag} kept ${key}`);
      }

      // edges: same masses
      const edgeKeys = new Set([...r.edges.keys(), ...ref.edges.keys()]);
      for (const id of edgeKeys) {
        expectRelClose(r.edges.get(id) ?? 0, ref.edges.get(id) ?? 0, 1e-12, `${tag} edge ${edgeEnds(id)}`);
      }
      if (params.maxDepth >= 2 && ref.edges.size >= 2) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(20);
  });
});
