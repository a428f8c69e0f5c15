/**
 * An independent client of the GraphQL API, written only against
 * docs/api-contract.md and docs/domain.md. It imports blueprints it
 * generates itself (seeded), recomputes every figure with its own model
 * (./contract-model.ts) and compares: any difference in a name, a code or a
 * number beyond 1e-9 (relative) is a failure.
 */
import { startTestApp, TestApp, uniqueKey } from '../helpers/test-app';
import {
  allActions,
  BlueprintDoc,
  blameFlow,
  buildModel,
  close,
  cmp,
  departmentDependencies,
  edgeKey,
  ExpectedRootCauses,
  generateDocument,
  generateOrg,
  ModelBlueprint,
  ModelPain,
  Org,
  rootCauses,
  Rng,
  topChainMasses,
  walkMass,
} from './contract-model';

const SEED = Number(process.env.CONTRACT_SEED ?? 0x5eed2024);
const SIZES = [5, 9, 14, 22, 31, 45, 60, 12];
const LONG = 600_000;

// ---------------------------------------------------------------- GraphQL texts

const IMPORT = `mutation Import($document: BlueprintDocumentInput!, $mode: ImportMode) {
  importBlueprint(document: $document, mode: $mode) { created blueprint { key } }
}`;
const DELETE = `mutation Delete($key: String!) { deleteBlueprint(key: $key) }`;
const EXPORT = `query Export($key: String!) {
  exportBlueprint(key: $key) {
    key name description state persona { name description }
    departments { key name }
    roles { key name department }
    systems { key name department }
    processes { key name department }
    stages { key name steps { key name evidence actions {
      key lane name description channel touchpoint emotion role department process systems dependsOn
    } } }
    painPoints { key title description action causes severity frequency category }
  }
}`;
const BLUEPRINT = `query Blueprint($key: String!) {
  blueprint(key: $key) {
    key name state
    stages { key steps { key actions { key lane owners { key name } dependsOn { key } } } }
    painPoints { key severity frequency impact category blueprintKey action { key } causes { key } }
  }
}`;
const TRACE = `query Trace($bp: String!, $pp: String!, $r: Float, $d: Int) {
  painPointTrace(blueprintKey: $bp, painPointKey: $pp, retention: $r, maxDepth: $d) {
    painPoint { key } impact unattributed
    nodes { action { key } depth received kept departments { key } }
    edges { from { key } to { key } mass }
  }
}`;
const TRACE_DEFAULT = `query Trace($bp: String!, $pp: String!) {
  painPointTrace(blueprintKey: $bp, painPointKey: $pp) {
    painPoint { key } impact unattributed
    nodes { action { key } depth received kept departments { key } }
    edges { from { key } to { key } mass }
  }
}`;
const DEPENDENCIES = `query Deps($bp: String) {
  departmentDependencies(blueprintKey: $bp) { from { key name } to { key name } handoffs impact blueprints }
}`;

/** rootCauses with literal arguments: an argument left out takes the contract's default. */
function rootCausesQuery(args: RcArgs, chains: string | null): string {
  const parts: string[] = [];
  if (args.blueprintKey !== undefined) parts.push(`blueprintKey: ${JSON.stringify(args.blueprintKey)}`);
  if (args.painPointKeys !== undefined) parts.push(`painPointKeys: ${JSON.stringify(args.painPointKeys)}`);
  if (args.minSeverity !== undefined) parts.push(`minSeverity: ${args.minSeverity}`);
  if (args.retention !== undefined) parts.push(`retention: ${args.retention}`);
  if (args.maxDepth !== undefined) parts.push(`maxDepth: ${args.maxDepth}`);
  const argText = parts.length ? `(${parts.join(', ')})` : '';
  const chainText = chains === null ? '' : `${chains} { actions { key } mass }`;
  return `query { rootCauses${argText} {
    totalImpact unattributedImpact painPointCount
    departments { rank department { key name } score share
      contributions { painPoint { key blueprintKey } score ${chainText} } }
  } }`;
}

interface RcArgs {
  blueprintKey?: string;
  painPointKeys?: string[];
  minSeverity?: number;
  retention?: number;
  maxDepth?: number;
}
interface RcVariant {
  label: string;
  args: RcArgs;
  /** the chains field as queried (null: not queried) and its limit */
  chains: string | null;
  limit: number;
}

// ---------------------------------------------------------------- comparison helpers

class Problems {
  readonly list: string[] = [];
  add(msg: string): void {
    this.list.push(msg);
  }
  num(ctx: string, expected: number, actual: unknown): void {
    if (typeof actual !== 'number' || !close(expected, actual)) this.add(`${ctx}: expected ${expected}, got ${JSON.stringify(actual)}`);
  }
  eq(ctx: string, expected: unknown, actual: unknown): void {
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      this.add(`${ctx}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  assertNone(): void {
    if (this.list.length) {
      const shown = this.list.slice(0, 40).join('\n');
      throw new Error(`${this.list.length} difference(s) with the client's own computation:\n${shown}`);
    }
  }
}

function codeOf(res: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

function sortedKeys(xs: { key: string }[] | null | undefined): string[] {
  return (xs ?? []).map((x) => x.key).sort(cmp);
}

/** The first path at which two JSON values differ, for readable messages. */
function firstDiff(a: unknown, b: unknown, path = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) {
      const d = firstDiff((a as any)[k], (b as any)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path || '<root>'}: expected ${JSON.stringify(a)?.slice(0, 300)}, got ${JSON.stringify(b)?.slice(0, 300)}`;
}

// ---------------------------------------------------------------- export normalisation

/** A document in a canonical form: defaults filled in, key lists the contract does not order sorted. */
function normalizeDoc(d: any): any {
  const list = (x: any) => (x ?? []) as any[];
  const byKey = (xs: any[]) => [...xs].sort((a, b) => cmp(a.key, b.key));
  const keys = (xs: any) => [...list(xs)].sort(cmp);
  return {
    key: d.key,
    name: d.name,
    description: d.description ?? null,
    state: d.state ?? 'CURRENT',
    persona: d.persona ? { name: d.persona.name, description: d.persona.description ?? null } : null,
    departments: byKey(list(d.departments)).map((x) => ({ key: x.key, name: x.name })),
    roles: byKey(list(d.roles)).map((x) => ({ key: x.key, name: x.name, department: x.department })),
    systems: byKey(list(d.systems)).map((x) => ({ key: x.key, name: x.name, department: x.department })),
    processes: byKey(list(d.processes)).map((x) => ({ key: x.key, name: x.name, department: x.department })),
    stages: list(d.stages).map((s) => ({
      key: s.key,
      name: s.name,
      steps: list(s.steps).map((st) => ({
        key: st.key,
        name: st.name,
        evidence: list(st.evidence),
        actions: list(st.actions).map((a) => ({
          key: a.key,
          lane: a.lane,
          name: a.name,
          description: a.description ?? null,
          channel: a.channel ?? null,
          touchpoint: a.touchpoint ?? null,
          emotion: a.emotion ?? null,
          role: a.role ?? null,
          department: a.department ?? null,
          process: a.process ?? null,
          systems: keys(a.systems),
          dependsOn: keys(a.dependsOn),
        })),
      })),
    })),
    painPoints: byKey(list(d.painPoints)).map((p) => ({
      key: p.key,
      title: p.title,
      description: p.description ?? null,
      action: p.action,
      causes: keys(p.causes),
      severity: p.severity,
      frequency: p.frequency ?? 1,
      category: p.category ?? 'OTHER',
    })),
  };
}

/** What exportBlueprint must give for a document: the referenced org-wide entities and their departments, no others. */
function expectedExport(doc: BlueprintDoc, org: Org): any {
  const roles = new Set<string>();
  const systems = new Set<string>();
  const processes = new Set<string>();
  const depts = new Set<string>();
  for (const a of allActions(doc)) {
    if (a.role) roles.add(a.role);
    if (a.process) processes.add(a.process);
    if (a.department) depts.add(a.department);
    for (const s of a.systems ?? []) systems.add(s);
  }
  const r = org.roles.filter((x) => roles.has(x.key));
  const s = org.systems.filter((x) => systems.has(x.key));
  const p = org.processes.filter((x) => processes.has(x.key));
  for (const x of [...r, ...s, ...p]) depts.add(x.department);
  return normalizeDoc({
    ...doc,
    departments: org.departments.filter((x) => depts.has(x.key)),
    roles: r,
    systems: s,
    processes: p,
  });
}

// ---------------------------------------------------------------- the test

describe('contract client (independent recomputation of the contract and the domain)', () => {
  let t: TestApp;
  let org: Org;
  const docs: BlueprintDoc[] = [];
  const models = new Map<string, ModelBlueprint>();
  const deptName = new Map<string, string>();
  let myDepts: Set<string>;
  /** how many chain lists were checked against a full enumeration (so a pass means something) */
  let chainListsChecked = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const rng = new Rng(SEED);
    org = generateOrg(rng, uniqueKey);
    for (const d of org.departments) deptName.set(d.key, d.name);
    myDepts = new Set(org.departments.map((d) => d.key));
    const known = new Set<string>();
    SIZES.forEach((n, i) => {
      const doc = generateDocument(rng, org, known, uniqueKey(`cc-bp${i}`), n);
      docs.push(doc);
      models.set(doc.key, buildModel(doc, org));
    });
  }, LONG);

  afterAll(async () => {
    await t?.close();
  });

  it('own model: a hand-computed example (no product involved)', () => {
    // c (CUSTOMER, no owner) -> f (role of A) -> {b (explicit B + process of A), s (system of C)}, b -> f (a cycle)
    const bp: ModelBlueprint = {
      key: 'x',
      actions: new Map([
        ['c', { key: 'c', lane: 'CUSTOMER', deps: ['f'], owners: [] }],
        ['f', { key: 'f', lane: 'FRONTSTAGE', deps: ['b', 's'], owners: ['A'] }],
        ['b', { key: 'b', lane: 'BACKSTAGE', deps: ['f'], owners: ['A', 'B'] }],
        ['s', { key: 's', lane: 'SUPPORT', deps: [], owners: ['C'] }],
      ]),
      pains: [{ key: 'p', blueprintKey: 'x', severity: 4, impact: 2, entries: ['c'] }],
    };
    const pain = bp.pains[0];
    const f = blameFlow(bp, pain, 0.5, 3);
    expect(f.departments.get('A')).toBeCloseTo(1.375, 12);
    expect(f.departments.get('B')).toBeCloseTo(0.125, 12);
    expect(f.departments.get('C')).toBeCloseTo(0.5, 12);
    expect(f.unattributed).toBe(0);
    expect(f.edges.get(edgeKey('c', 'f'))).toBeCloseTo(2, 12);
    expect(f.edges.get(edgeKey('b', 'f'))).toBeCloseTo(0.25, 12);
    expect(f.minDepth.get('f')).toBe(1);
    expect(f.received.get('f')).toBeCloseTo(2.25, 12);
    expect(topChainMasses(bp, pain, 'A', 0.5, 3, 3)).toEqual([1, 0.25, 0.125]);
    expect(walkMass(bp, pain, ['c', 'f', 'b', 'f'], 'A', 0.5, 3)).toBeCloseTo(0.25, 12);
    const deps = departmentDependencies([bp]);
    expect(deps.get(edgeKey('A', 'B'))!.impact).toBeCloseTo(0.5703125 / 2, 12);
    expect(deps.get(edgeKey('A', 'B'))!.handoffs).toBe(1);
    expect(deps.get(edgeKey('B', 'A'))!.impact).toBeCloseTo(0.140625, 12);
    expect(deps.get(edgeKey('A', 'C'))!.impact).toBeCloseTo(0.5703125, 12);
    expect(deps.has(edgeKey('A', 'A'))).toBe(false);
    // retention 0 and maxDepth 0: the entry keeps everything, and c has no owner
    expect(blameFlow(bp, pain, 0, 0).unattributed).toBe(2);
  });

  it('the generated data has what the brief asks for (cycles, shared owners, causes, 0..4 owners)', () => {
    const stats = { fourOwners: 0, noOwnerStaff: 0, customerWithDeps: 0, customerNoDeps: 0, withCauses: 0, withoutCauses: 0, crossStep: 0 };
    const ownerUse = new Map<string, Set<string>>();
    for (const doc of docs) {
      const m = models.get(doc.key)!;
      const lanes = new Set(allActions(doc).map((a) => a.lane));
      expect(lanes.size).toBe(Math.min(4, allActions(doc).length));
      const stepOf = new Map<string, string>();
      for (const s of doc.stages) for (const st of s.steps) for (const a of st.actions) stepOf.set(a.key, `${s.key}/${st.key}`);
      for (const a of m.actions.values()) {
        expect(a.deps).not.toContain(a.key);
        if (a.owners.length === 4) stats.fourOwners++;
        if (a.owners.length === 0 && a.lane !== 'CUSTOMER') stats.noOwnerStaff++;
        if (a.lane === 'CUSTOMER') a.deps.length ? stats.customerWithDeps++ : stats.customerNoDeps++;
        for (const d of a.deps) if (stepOf.get(d) !== stepOf.get(a.key)) stats.crossStep++;
        for (const o of a.owners) ownerUse.set(o, (ownerUse.get(o) ?? new Set()).add(doc.key));
      }
      for (const p of doc.painPoints ?? []) p.causes ? stats.withCauses++ : stats.withoutCauses++;
      // a cycle: some action reaches itself
      const reaches = (from: string): boolean => {
        const seen = new Set<string>();
        const stack = [...m.actions.get(from)!.deps];
        while (stack.length) {
          const k = stack.pop()!;
          if (k === from) return true;
          if (seen.has(k)) continue;
          seen.add(k);
          stack.push(...m.actions.get(k)!.deps);
        }
        return false;
      };
      expect([...m.actions.keys()].some(reaches)).toBe(true);
    }
    console.log(`contract client data (seed ${SEED}): ${JSON.stringify(stats)}`);
    for (const v of Object.values(stats)) expect(v).toBeGreaterThan(0);
    expect([...ownerUse.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(2); // owners shared across documents
  });

  it(
    'imports every generated blueprint with CREATE',
    async () => {
      const p = new Problems();
      const times: string[] = [];
      for (const doc of docs) {
        const started = Date.now();
        const res = await t.graphql(IMPORT, { document: doc, mode: 'CREATE' });
        times.push(`${allActions(doc).length} actions: ${Date.now() - started} ms`);
        if (res.errors) p.add(`import ${doc.key}: ${JSON.stringify(res.errors).slice(0, 1500)}`);
        else {
          p.eq(`import ${doc.key} created`, true, res.data.importBlueprint.created);
          p.eq(`import ${doc.key} key`, doc.key, res.data.importBlueprint.blueprint.key);
        }
      }
      console.log(`contract client imports: ${times.join(', ')}`);
      p.assertNone();
    },
    LONG,
  );

  it(
    'reads back the blueprints: order, owners, dependencies, impacts',
    async () => {
      const p = new Problems();
      for (const doc of docs) {
        const m = models.get(doc.key)!;
        const res = await t.graphql(BLUEPRINT, { key: doc.key });
        if (res.errors || !res.data.blueprint) {
          p.add(`blueprint ${doc.key}: ${JSON.stringify(res.errors ?? res.data)}`);
          continue;
        }
        const b = res.data.blueprint;
        p.eq(`${doc.key} state`, doc.state ?? 'CURRENT', b.state);
        p.eq(`${doc.key} stage order`, doc.stages.map((s) => s.key), b.stages.map((s: any) => s.key));
        p.eq(
          `${doc.key} action order`,
          allActions(doc).map((a) => a.key),
          b.stages.flatMap((s: any) => s.steps.flatMap((st: any) => st.actions.map((a: any) => a.key))),
        );
        for (const a of b.stages.flatMap((s: any) => s.steps.flatMap((st: any) => st.actions))) {
          const ma = m.actions.get(a.key)!;
          p.eq(`${doc.key}/${a.key} owners (by key)`, ma.owners, a.owners.map((o: any) => o.key));
          for (const o of a.owners) p.eq(`${doc.key}/${a.key} owner name`, deptName.get(o.key), o.name);
          p.eq(`${doc.key}/${a.key} dependsOn`, [...ma.deps].sort(cmp), sortedKeys(a.dependsOn));
        }
        for (const pp of doc.painPoints ?? []) {
          const got = b.painPoints.find((x: any) => x.key === pp.key);
          if (!got) {
            p.add(`${doc.key}: pain point ${pp.key} missing`);
            continue;
          }
          p.num(`${doc.key}/${pp.key} impact`, pp.severity * (pp.frequency ?? 1), got.impact);
          p.num(`${doc.key}/${pp.key} frequency`, pp.frequency ?? 1, got.frequency);
          p.eq(`${doc.key}/${pp.key} category`, pp.category ?? 'OTHER', got.category);
          p.eq(`${doc.key}/${pp.key} blueprintKey`, doc.key, got.blueprintKey);
          p.eq(`${doc.key}/${pp.key} action`, pp.action, got.action.key);
          p.eq(`${doc.key}/${pp.key} causes`, [...(pp.causes ?? [])].sort(cmp), sortedKeys(got.causes));
        }
      }
      p.assertNone();
    },
    LONG,
  );

  /** Compares one rootCauses answer with the model. `onlyMine`: a global query, where only our departments are known. */
  function checkRootCauses(
    p: Problems,
    ctx: string,
    got: any,
    exp: ExpectedRootCauses,
    alpha: number,
    maxDepth: number,
    variant: { chains: string | null; limit: number },
    onlyMine: boolean,
  ): void {
    if (!got) {
      p.add(`${ctx}: no report`);
      return;
    }
    const rows: any[] = got.departments;
    if (!onlyMine) {
      p.num(`${ctx} totalImpact`, exp.totalImpact, got.totalImpact);
      p.num(`${ctx} unattributedImpact`, exp.unattributedImpact, got.unattributedImpact);
      p.eq(`${ctx} painPointCount`, exp.painPointCount, got.painPointCount);
    } else {
      if (!(got.totalImpact >= exp.totalImpact - 1e-9 * Math.max(1, exp.totalImpact)))
        p.add(`${ctx} totalImpact ${got.totalImpact} below our own pain points' ${exp.totalImpact}`);
      if (!(got.painPointCount >= exp.painPointCount)) p.add(`${ctx} painPointCount ${got.painPointCount} below ours ${exp.painPointCount}`);
      // conservation, on the product's own figures
      const sum = rows.reduce((s, r) => s + r.score, 0) + got.unattributedImpact;
      if (Math.abs(sum - got.totalImpact) > 1e-9 * Math.max(1, got.totalImpact))
        p.add(`${ctx}: scores + unattributed = ${sum} != totalImpact ${got.totalImpact}`);
    }
    // ranks and order
    const productSum = rows.reduce((s, r) => s + r.score, 0);
    rows.forEach((r, i) => {
      if (r.rank !== i + 1) p.add(`${ctx}: row ${i} has rank ${r.rank}`);
      if (!(r.score > 0)) p.add(`${ctx}: department ${r.department.key} listed with score ${r.score}`);
      if (i > 0) {
        const q = rows[i - 1];
        const ordered = q.score > r.score || (q.score === r.score && q.department.key < r.department.key);
        const nearTie = close(q.score, r.score) && q.department.key < r.department.key;
        if (!ordered && !nearTie) p.add(`${ctx}: ${q.department.key} (${q.score}) ranked before ${r.department.key} (${r.score})`);
      }
      if (onlyMine) p.num(`${ctx} ${r.department.key} share vs own scores`, r.score / productSum, r.share);
    });
    const gotMine = rows.filter((r) => !onlyMine || myDepts.has(r.department.key));
    p.eq(
      `${ctx} departments`,
      [...exp.departments.keys()].sort(cmp),
      gotMine.map((r) => r.department.key).sort(cmp),
    );
    if (!onlyMine) {
      // expected ranks where there is no near-tie
      const expOrder = [...exp.departments.entries()].sort((a, b) => b[1].score - a[1].score || cmp(a[0], b[0]));
      expOrder.forEach(([key, d], i) => {
        const tied = expOrder.some(([k2, d2]) => k2 !== key && close(d.score, d2.score));
        const row = rows.find((r) => r.department.key === key);
        if (row && !tied && row.rank !== i + 1) p.add(`${ctx}: ${key} rank ${row.rank}, expected ${i + 1}`);
      });
    }
    for (const row of gotMine) {
      const key = row.department.key;
      const e = exp.departments.get(key);
      if (!e) continue;
      const rctx = `${ctx} dept ${key}`;
      p.eq(`${rctx} name`, deptName.get(key), row.department.name);
      p.num(`${rctx} score`, e.score, row.score);
      if (!onlyMine) p.num(`${rctx} share`, e.score / exp.scoreSum, row.share);
      const contribs: any[] = row.contributions;
      const expC = new Map(e.contributions.map((c) => [`${c.bp.key}/${c.pain.key}`, c]));
      p.eq(
        `${rctx} contributions`,
        [...expC.keys()].sort(cmp),
        contribs.map((c) => `${c.painPoint.blueprintKey}/${c.painPoint.key}`).sort(cmp),
      );
      contribs.forEach((c, i) => {
        if (i > 0 && contribs[i - 1].score < c.score && !close(contribs[i - 1].score, c.score))
          p.add(`${rctx}: contributions not by score desc (${contribs[i - 1].score} before ${c.score})`);
        const ec = expC.get(`${c.painPoint.blueprintKey}/${c.painPoint.key}`);
        if (!ec) return;
        const cctx = `${rctx} pain ${c.painPoint.key}`;
        p.num(`${cctx} score`, ec.score, c.score);
        if (variant.chains === null) return;
        const chains: any[] = c.chains;
        chains.forEach((ch, j) => {
          const walk = ch.actions.map((a: any) => a.key);
          const wm = walkMass(ec.bp, ec.pain, walk, key, alpha, maxDepth);
          if (wm === null) p.add(`${cctx} chain ${JSON.stringify(walk)} is not a walk from an entry action to an action of ${key}`);
          else p.num(`${cctx} chain ${JSON.stringify(walk)} mass`, wm, ch.mass);
          if (j > 0 && chains[j - 1].mass < ch.mass && !close(chains[j - 1].mass, ch.mass))
            p.add(`${cctx}: chains not by mass desc`);
        });
        const top = topChainMasses(ec.bp, ec.pain, key, alpha, maxDepth, variant.limit);
        if (top === null) return; // too many walks to enumerate: the per-chain checks above stand
        chainListsChecked++;
        if (chains.length !== top.length)
          p.add(`${cctx}: ${chains.length} chain(s), expected ${top.length} (masses ${JSON.stringify(top)}; got ${JSON.stringify(chains.map((x) => x.mass))})`);
        else top.forEach((mass, j) => p.num(`${cctx} chain #${j + 1} mass`, mass, chains[j].mass));
      });
    }
  }

  function variantsFor(doc: BlueprintDoc, rng: Rng): RcVariant[] {
    const small = allActions(doc).length <= 22;
    const pains = doc.painPoints ?? [];
    const keys = rng.sample(
      pains.map((x) => x.key),
      Math.min(pains.length, rng.int(1, 2)),
    );
    return [
      { label: 'defaults', args: { blueprintKey: doc.key }, chains: 'chains', limit: 3 },
      { label: 'retention 0', args: { blueprintKey: doc.key, retention: 0, maxDepth: 6 }, chains: 'chains(limit: 3)', limit: 3 },
      { label: 'retention 1, maxDepth 3', args: { blueprintKey: doc.key, retention: 1, maxDepth: 3 }, chains: 'chains(limit: 3)', limit: 3 },
      { label: 'maxDepth 0', args: { blueprintKey: doc.key, retention: 0.3, maxDepth: 0 }, chains: 'chains(limit: 3)', limit: 3 },
      {
        label: 'maxDepth 20',
        args: { blueprintKey: doc.key, retention: 0.7, maxDepth: 20 },
        chains: small ? 'chains(limit: 3)' : null,
        limit: 3,
      },
      { label: 'retention 0, maxDepth 20', args: { blueprintKey: doc.key, retention: 0, maxDepth: 20 }, chains: null, limit: 3 },
      { label: 'minSeverity 3', args: { blueprintKey: doc.key, minSeverity: 3 }, chains: 'chains(limit: 1)', limit: 1 },
      {
        label: `painPointKeys ${JSON.stringify(keys)}`,
        args: { blueprintKey: doc.key, painPointKeys: keys, retention: 0.25, maxDepth: 4 },
        chains: 'chains(limit: 5)',
        limit: 5,
      },
    ];
  }

  function expectedFor(args: RcArgs, bps: ModelBlueprint[]): ExpectedRootCauses {
    const scope: { bp: ModelBlueprint; pain: ModelPain }[] = [];
    for (const bp of bps)
      for (const pain of bp.pains) {
        if (args.minSeverity !== undefined && pain.severity < args.minSeverity) continue;
        if (args.painPointKeys !== undefined && !args.painPointKeys.includes(pain.key)) continue;
        scope.push({ bp, pain });
      }
    return rootCauses(scope, args.retention ?? 0.5, args.maxDepth ?? 6);
  }

  it(
    'rootCauses per blueprint: totals, departments, contributions and chains, across parameters',
    async () => {
      const p = new Problems();
      const rng = new Rng(SEED ^ 0xabcdef);
      for (const doc of docs) {
        const bp = models.get(doc.key)!;
        for (const v of variantsFor(doc, rng)) {
          const ctx = `rootCauses(${doc.key}, ${v.label})`;
          const started = Date.now();
          const res = await t.graphql(rootCausesQuery(v.args, v.chains));
          const ms = Date.now() - started;
          if (ms > 5000) console.log(`${ctx} took ${ms} ms`);
          if (res.errors) {
            p.add(`${ctx}: ${JSON.stringify(res.errors).slice(0, 800)}`);
            continue;
          }
          checkRootCauses(p, ctx, res.data.rootCauses, expectedFor(v.args, [bp]), v.args.retention ?? 0.5, v.args.maxDepth ?? 6, v, false);
        }
      }
      console.log(`contract client: ${chainListsChecked} chain lists checked against a full enumeration`);
      expect(chainListsChecked).toBeGreaterThan(100);
      p.assertNone();
    },
    LONG,
  );

  it(
    'painPointTrace for every pain point: impact, unattributed, nodes and edges',
    async () => {
      const p = new Problems();
      const params: { r?: number; d?: number }[] = [{}, { r: 0, d: 20 }, { r: 1, d: 2 }, { r: 0.3, d: 0 }, { r: 0.8, d: 9 }];
      for (const doc of docs) {
        const bp = models.get(doc.key)!;
        for (const pain of bp.pains) {
          for (const { r, d } of params) {
            const alpha = r ?? 0.5;
            const maxDepth = d ?? 6;
            const ctx = `painPointTrace(${doc.key}, ${pain.key}, retention ${alpha}, maxDepth ${maxDepth})`;
            const res =
              r === undefined
                ? await t.graphql(TRACE_DEFAULT, { bp: doc.key, pp: pain.key })
                : await t.graphql(TRACE, { bp: doc.key, pp: pain.key, r, d });
            if (res.errors) {
              p.add(`${ctx}: ${JSON.stringify(res.errors).slice(0, 800)}`);
              continue;
            }
            const tr = res.data.painPointTrace;
            const f = blameFlow(bp, pain, alpha, maxDepth);
            p.eq(`${ctx} painPoint`, pain.key, tr.painPoint.key);
            p.num(`${ctx} impact`, f.impact, tr.impact);
            p.num(`${ctx} unattributed`, f.unattributed, tr.unattributed);
            const nodes = new Map<string, any>();
            for (const n of tr.nodes) {
              if (nodes.has(n.action.key)) p.add(`${ctx}: node ${n.action.key} listed twice`);
              nodes.set(n.action.key, n);
            }
            p.eq(`${ctx} node set`, [...f.received.keys()].sort(cmp), [...nodes.keys()].sort(cmp));
            for (const [key, received] of f.received) {
              const n = nodes.get(key);
              if (!n) continue;
              p.eq(`${ctx} node ${key} depth`, f.minDepth.get(key), n.depth);
              p.num(`${ctx} node ${key} received`, received, n.received);
              p.num(`${ctx} node ${key} kept`, f.kept.get(key) ?? 0, n.kept);
              p.eq(`${ctx} node ${key} departments`, bp.actions.get(key)!.owners, sortedKeys(n.departments));
            }
            const edges = new Map<string, any>();
            for (const e of tr.edges) {
              const k = edgeKey(e.from.key, e.to.key);
              if (edges.has(k)) p.add(`${ctx}: edge ${e.from.key}->${e.to.key} listed twice`);
              edges.set(k, e);
            }
            const show = (ks: Iterable<string>) => [...ks].map((k) => k.replace('\u0000', '->')).sort(cmp);
            p.eq(`${ctx} edge set`, show(f.edges.keys()), show(edges.keys()));
            for (const [k, mass] of f.edges) {
              const e = edges.get(k);
              if (e) p.num(`${ctx} edge ${k.replace('\u0000', '->')} mass`, mass, e.mass);
            }
          }
        }
      }
      p.assertNone();
    },
    LONG,
  );

  /** Checks the contract's order on the product's own figures: impact desc, handoffs desc, from.key, to.key. */
  function checkDependencyOrder(p: Problems, ctx: string, rows: any[]): void {
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1];
      const b = rows[i];
      const ok =
        a.impact > b.impact ||
        (a.impact === b.impact &&
          (a.handoffs > b.handoffs ||
            (a.handoffs === b.handoffs && (a.from.key < b.from.key || (a.from.key === b.from.key && a.to.key < b.to.key)))));
      if (!ok) p.add(`${ctx}: order broken at ${i}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`);
    }
  }

  function checkDependencies(p: Problems, ctx: string, rows: any[], bps: ModelBlueprint[], onlyMine: boolean): void {
    checkDependencyOrder(p, ctx, rows);
    const exp = departmentDependencies(bps);
    const mine = rows.filter((r) => !onlyMine || myDepts.has(r.from.key) || myDepts.has(r.to.key));
    const got = new Map<string, any>();
    for (const r of mine) {
      const k = edgeKey(r.from.key, r.to.key);
      if (got.has(k)) p.add(`${ctx}: pair ${r.from.key}->${r.to.key} listed twice`);
      got.set(k, r);
    }
    const show = (ks: Iterable<string>) => [...ks].map((k) => k.replace('\u0000', '->')).sort(cmp);
    p.eq(`${ctx} pairs`, show(exp.keys()), show(got.keys()));
    for (const [k, e] of exp) {
      const r = got.get(k);
      if (!r) continue;
      const rctx = `${ctx} ${e.from}->${e.to}`;
      p.eq(`${rctx} handoffs`, e.handoffs, r.handoffs);
      p.num(`${rctx} impact`, e.impact, r.impact);
      p.eq(`${rctx} blueprints`, [...e.blueprints].sort(cmp), r.blueprints);
      p.eq(`${rctx} names`, [deptName.get(e.from), deptName.get(e.to)], [r.from.name, r.to.name]);
    }
  }

  it(
    'departmentDependencies per blueprint: pairs, handoffs, impact, blueprints, order',
    async () => {
      const p = new Problems();
      for (const doc of docs) {
        const res = await t.graphql(DEPENDENCIES, { bp: doc.key });
        const ctx = `departmentDependencies(${doc.key})`;
        if (res.errors) {
          p.add(`${ctx}: ${JSON.stringify(res.errors).slice(0, 800)}`);
          continue;
        }
        checkDependencies(p, ctx, res.data.departmentDependencies, [models.get(doc.key)!], false);
      }
      p.assertNone();
    },
    LONG,
  );

  it(
    'global rootCauses and departmentDependencies: our departments get exactly our figures',
    async () => {
      const p = new Problems();
      const bps = docs.map((d) => models.get(d.key)!);
      for (const v of [
        { args: {}, chains: 'chains(limit: 3)', limit: 3 },
        { args: { retention: 0.6, maxDepth: 5, minSeverity: 2 }, chains: null, limit: 3 },
      ] as { args: RcArgs; chains: string | null; limit: number }[]) {
        const ctx = `rootCauses(global ${JSON.stringify(v.args)})`;
        const res = await t.graphql(rootCausesQuery(v.args, v.chains));
        if (res.errors) {
          p.add(`${ctx}: ${JSON.stringify(res.errors).slice(0, 800)}`);
          continue;
        }
        checkRootCauses(p, ctx, res.data.rootCauses, expectedFor(v.args, bps), v.args.retention ?? 0.5, v.args.maxDepth ?? 6, v, true);
      }
      const res = await t.graphql(`query { departmentDependencies { from { key name } to { key name } handoffs impact blueprints } }`);
      if (res.errors) p.add(`departmentDependencies(global): ${JSON.stringify(res.errors).slice(0, 800)}`);
      else checkDependencies(p, 'departmentDependencies(global)', res.data.departmentDependencies, bps, true);
      // our departments are listed by `departments`
      const dres = await t.graphql(`query { departments { key name } }`);
      if (dres.errors) p.add(`departments: ${JSON.stringify(dres.errors)}`);
      else {
        const listed = new Map<string, string>(dres.data.departments.map((d: any) => [d.key, d.name]));
        for (const d of org.departments) {
          const created = docs.some((doc) => (doc.departments ?? []).some((x) => x.key === d.key));
          if (created) p.eq(`departments: ${d.key}`, d.name, listed.get(d.key));
        }
      }
      p.assertNone();
    },
    LONG,
  );

  it(
    'answers the contract error codes',
    async () => {
      const p = new Problems();
      const doc = docs[0];
      // CREATE of an existing key
      const conflict = await t.graphql(IMPORT, { document: doc, mode: 'CREATE' });
      p.eq('CREATE of an existing key', 'CONFLICT', codeOf(conflict));
      // unknown blueprint
      const ghost = uniqueKey('cc-ghost');
      p.eq('rootCauses(unknown blueprintKey)', 'NOT_FOUND', codeOf(await t.graphql(rootCausesQuery({ blueprintKey: ghost }, null))));
      p.eq('exportBlueprint(unknown)', 'NOT_FOUND', codeOf(await t.graphql(EXPORT, { key: ghost })));
      p.eq('deleteBlueprint(unknown)', 'NOT_FOUND', codeOf(await t.graphql(DELETE, { key: ghost })));
      p.eq(
        'painPointTrace(unknown pain point)',
        'NOT_FOUND',
        codeOf(await t.graphql(TRACE_DEFAULT, { bp: doc.key, pp: 'no-such-pain' })),
      );
      p.eq(
        'painPointTrace(unknown blueprint)',
        'NOT_FOUND',
        codeOf(await t.graphql(TRACE_DEFAULT, { bp: ghost, pp: 'pain-0' })),
      );
      // parameters
      p.eq(
        'painPointKeys without blueprintKey',
        'BAD_USER_INPUT',
        codeOf(await t.graphql(rootCausesQuery({ painPointKeys: ['pain-0'] }, null))),
      );
      for (const bad of [{ retention: 1.5 }, { retention: -0.1 }, { maxDepth: 21 }, { maxDepth: -1 }] as RcArgs[])
        p.eq(
          `rootCauses ${JSON.stringify(bad)}`,
          'BAD_USER_INPUT',
          codeOf(await t.graphql(rootCausesQuery({ blueprintKey: doc.key, ...bad }, null))),
        );
      p.eq(
        'painPointTrace retention 1.5',
        'BAD_USER_INPUT',
        codeOf(await t.graphql(TRACE, { bp: doc.key, pp: 'pain-0', r: 1.5, d: 6 })),
      );
      // blueprint(key) of nothing
      for (const key of ['no-such', ghost]) {
        const res = await t.graphql(`query($k: String!) { blueprint(key: $k) { key } }`, { k: key });
        p.eq(`blueprint(${key}) errors`, undefined, res.errors);
        p.eq(`blueprint(${key})`, null, res.data?.blueprint);
      }
      // a document with three distinct mistakes, each reported with its exact path
      const badKey = uniqueKey('cc-bad');
      const bad = {
        key: badKey,
        name: 'Three mistakes',
        stages: [
          {
            key: 's0',
            name: 'Stage',
            steps: [
              {
                key: 'st0',
                name: 'Step 0',
                actions: [
                  { key: 'c0', lane: 'CUSTOMER', name: 'Calls', emotion: -2, dependsOn: ['f0'] },
                  { key: 'f0', lane: 'FRONTSTAGE', name: 'Answers', dependsOn: ['ghost-action'] },
                ],
              },
              { key: 'st1', name: 'Step 1', actions: [{ key: 'b0', lane: 'BACKSTAGE', name: 'Files it', emotion: 2 }] },
            ],
          },
        ],
        painPoints: [
          { key: 'p0', title: 'Waits', action: 'c0', severity: 9 },
          { key: 'p1', title: 'Waits again', action: 'c0', causes: ['f0', 'b0'], severity: 2, frequency: 0.5 },
        ],
      };
      const res = await t.graphql(IMPORT, { document: bad, mode: 'CREATE' });
      const err = res.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
      if (!err) p.add(`three mistakes: expected BAD_USER_INPUT, got ${JSON.stringify(res.errors ?? res.data)}`);
      else {
        const problems = (err.extensions?.problems ?? []) as { path: string; message: string }[];
        p.eq(
          'three mistakes: problem paths',
          [
            'document.painPoints[0].severity',
            'document.stages[0].steps[0].actions[1].dependsOn[0]',
            'document.stages[0].steps[1].actions[0].emotion',
          ],
          problems.map((x) => x.path).sort(cmp),
        );
        for (const x of problems) if (typeof x.message !== 'string' || !x.message) p.add(`three mistakes: problem without message ${JSON.stringify(x)}`);
      }
      const after = await t.graphql(`query($k: String!) { blueprint(key: $k) { key } }`, { k: badKey });
      p.eq('a rejected import writes nothing', null, after.data?.blueprint);
      p.assertNone();
    },
    LONG,
  );

  it(
    'rootCauses with an unknown painPointKey answers NOT_FOUND',
    async () => {
      const res = await t.graphql(rootCausesQuery({ blueprintKey: docs[0].key, painPointKeys: ['no-such-pain'] }, null));
      expect(codeOf(res)).toBe('NOT_FOUND');
    },
    LONG,
  );

  it(
    'export lists exactly what the contract says; delete, re-import the export, export again: identical',
    async () => {
      const p = new Problems();
      for (const doc of docs) {
        const ctx = `round trip ${doc.key}`;
        const e1 = await t.graphql(EXPORT, { key: doc.key });
        if (e1.errors) {
          p.add(`${ctx} export: ${JSON.stringify(e1.errors).slice(0, 800)}`);
          continue;
        }
        const exported = e1.data.exportBlueprint;
        const diff = firstDiff(expectedExport(doc, org), normalizeDoc(exported));
        if (diff) p.add(`${ctx} export differs from the document: ${diff}`);
        p.eq(`${ctx} export keeps action order`, allActions(doc).map((a) => a.key), exported.stages.flatMap((s: any) => s.steps.flatMap((st: any) => st.actions.map((a: any) => a.key))));

        const del = await t.graphql(DELETE, { key: doc.key });
        p.eq(`${ctx} delete`, true, del.data?.deleteBlueprint);
        if (del.errors) p.add(`${ctx} delete: ${JSON.stringify(del.errors)}`);
        p.eq(`${ctx} second delete`, 'NOT_FOUND', codeOf(await t.graphql(DELETE, { key: doc.key })));
        const gone = await t.graphql(`query($k: String!) { blueprint(key: $k) { key } }`, { k: doc.key });
        p.eq(`${ctx} blueprint after delete`, null, gone.data?.blueprint);
        p.eq(`${ctx} rootCauses after delete`, 'NOT_FOUND', codeOf(await t.graphql(rootCausesQuery({ blueprintKey: doc.key }, null))));

        const re = await t.graphql(IMPORT, { document: exported, mode: 'CREATE' });
        if (re.errors) {
          p.add(`${ctx} re-import: ${JSON.stringify(re.errors).slice(0, 1500)}`);
          continue;
        }
        p.eq(`${ctx} re-import created`, true, re.data.importBlueprint.created);
        const e2 = await t.graphql(EXPORT, { key: doc.key });
        const diff2 = firstDiff(exported, e2.data?.exportBlueprint);
        if (diff2) p.add(`${ctx} second export differs: ${diff2}`);

        // the figures after the round trip are still the model's
        const rc = await t.graphql(rootCausesQuery({ blueprintKey: doc.key }, 'chains'));
        if (rc.errors) p.add(`${ctx} rootCauses: ${JSON.stringify(rc.errors).slice(0, 800)}`);
        else checkRootCauses(p, `${ctx} rootCauses`, rc.data.rootCauses, expectedFor({}, [models.get(doc.key)!]), 0.5, 6, { chains: 'chains', limit: 3 }, false);
        const dd = await t.graphql(DEPENDENCIES, { bp: doc.key });
        if (dd.errors) p.add(`${ctx} departmentDependencies: ${JSON.stringify(dd.errors).slice(0, 800)}`);
        else checkDependencies(p, `${ctx} departmentDependencies`, dd.data.departmentDependencies, [models.get(doc.key)!], false);
      }
      // REPLACE of an existing blueprint with its original document: not created, same export
      const doc = docs[docs.length - 1];
      const before = await t.graphql(EXPORT, { key: doc.key });
      const rep = await t.graphql(IMPORT, { document: doc, mode: 'REPLACE' });
      if (rep.errors) p.add(`REPLACE: ${JSON.stringify(rep.errors).slice(0, 800)}`);
      else p.eq('REPLACE of an existing key: created', false, rep.data.importBlueprint.created);
      const after = await t.graphql(EXPORT, { key: doc.key });
      const diff3 = firstDiff(before.data?.exportBlueprint, after.data?.exportBlueprint);
      if (diff3) p.add(`export after REPLACE differs: ${diff3}`);
      p.assertNone();
    },
    LONG,
  );
});
