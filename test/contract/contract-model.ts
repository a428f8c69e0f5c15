/**
 * An independent client-side model of docs/domain.md and docs/api-contract.md:
 * a seeded generator of blueprint documents and a recomputation of the blame
 * flow, the blame chains and the department dependencies. Written from the two
 * documents only; nothing here comes from src/.
 */

// ---------------------------------------------------------------- PRNG

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** k distinct elements, in random order */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    this.shuffle(copy);
    return copy.slice(0, Math.min(k, copy.length));
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

// ---------------------------------------------------------------- documents (the contract's input shape)

export type Lane = 'CUSTOMER' | 'FRONTSTAGE' | 'BACKSTAGE' | 'SUPPORT';
export const LANES: Lane[] = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'];
const STATES = ['CURRENT', 'FUTURE', 'DAY_IN_LIFE'] as const;
const CATEGORIES = ['FINANCIAL', 'PROCESS', 'SUPPORT', 'PRODUCTIVITY', 'OTHER'] as const;
const CHANNELS = ['WEB', 'MOBILE_APP', 'PHONE', 'EMAIL', 'CHAT', 'SOCIAL', 'IN_PERSON', 'MAIL', 'OTHER'] as const;

export interface OrgDept {
  key: string;
  name: string;
}
export interface OrgOwned {
  key: string;
  name: string;
  department: string;
}
export interface ActionDoc {
  key: string;
  lane: Lane;
  name: string;
  description?: string;
  channel?: string;
  touchpoint?: string;
  emotion?: number;
  role?: string;
  department?: string;
  process?: string;
  systems?: string[];
  dependsOn?: string[];
}
export interface StepDoc {
  key: string;
  name: string;
  evidence?: string[];
  actions: ActionDoc[];
}
export interface StageDoc {
  key: string;
  name: string;
  steps: StepDoc[];
}
export interface PainDoc {
  key: string;
  title: string;
  description?: string;
  action: string;
  causes?: string[];
  severity: number;
  frequency?: number;
  category?: string;
}
export interface BlueprintDoc {
  key: string;
  name: string;
  description?: string;
  state?: string;
  persona?: { name: string; description?: string };
  departments?: OrgDept[];
  roles?: OrgOwned[];
  systems?: OrgOwned[];
  processes?: OrgOwned[];
  stages: StageDoc[];
  painPoints?: PainDoc[];
}

/** The organisation-wide entities of one run (unique keys), shared by all generated documents. */
export interface Org {
  departments: OrgDept[];
  roles: OrgOwned[];
  systems: OrgOwned[];
  processes: OrgOwned[];
}

const DEPT_NAMES = [
  'Customer Service',
  'Dział IT',
  'Логистика',
  'Field Service',
  'Quality & Compliance',
  'E-commerce',
  'Facilities / Security',
  'Finance',
  'Zakupy i magazyn',
];
const ROLE_NAMES = ['Hotline agent', 'Technik serwisu', 'Courier', 'Кладовщик', 'Parts planner', 'Security guard', 'Chat agent', 'Billing clerk', 'Dispatcher'];
const SYSTEM_NAMES = ['CRM', 'ERP', 'Web shop', 'Ticketing', 'Система складского учёта', 'Payment gateway', 'IVR'];
const PROCESS_NAMES = ['Returns handling', 'Spare parts replenishment', 'Defect analysis', 'Reklamacje', 'Invoice dispute'];

export function generateOrg(rng: Rng, uniqueKey: (prefix: string) => string): Org {
  const departments = DEPT_NAMES.slice(0, 8).map((name, i) => ({ key: uniqueKey(`cc-dept${i}`), name }));
  const dk = departments.map((d) => d.key);
  const roles = ROLE_NAMES.map((name, i) => ({ key: uniqueKey(`cc-role${i}`), name, department: rng.pick(dk) }));
  const systems = SYSTEM_NAMES.map((name, i) => ({ key: uniqueKey(`cc-sys${i}`), name, department: rng.pick(dk) }));
  const processes = PROCESS_NAMES.map((name, i) => ({ key: uniqueKey(`cc-proc${i}`), name, department: rng.pick(dk) }));
  return { departments, roles, systems, processes };
}

/** Splits n into k positive parts at random. */
function splitPositive(rng: Rng, n: number, k: number): number[] {
  const parts = new Array(k).fill(1);
  for (let i = k; i < n; i++) parts[rng.int(0, k - 1)]++;
  return parts;
}

/**
 * Generates one valid blueprint document. `known` holds the keys of the
 * organisation-wide entities already in the database (from earlier imports of
 * this run): those may be referenced without being listed; it is updated as if
 * the document were imported.
 */
export function generateDocument(
  rng: Rng,
  org: Org,
  known: Set<string>,
  blueprintKey: string,
  nActions: number,
): BlueprintDoc {
  const deptOf = new Map<string, string>();
  for (const x of [...org.roles, ...org.systems, ...org.processes]) deptOf.set(x.key, x.department);
  const actionKeys = Array.from({ length: nActions }, (_, i) => (rng.chance(0.2) ? `act.${i}_x` : `a-${i}`));

  // lanes: all four present, then weighted random
  const lanes: Lane[] = LANES.slice(0, Math.min(4, nActions));
  while (lanes.length < nActions) {
    const r = rng.float();
    lanes.push(r < 0.25 ? 'CUSTOMER' : r < 0.5 ? 'FRONTSTAGE' : r < 0.75 ? 'BACKSTAGE' : 'SUPPORT');
  }
  rng.shuffle(lanes);

  const actions: ActionDoc[] = actionKeys.map((key, i) => {
    const lane = lanes[i];
    const a: ActionDoc = { key, lane, name: `${lane.toLowerCase()} action ${i} — ${rng.pick(['ż', 'ё', 'é', 'x'])}` };
    if (rng.chance(0.3)) a.description = `Description of ${key}: ${'lorem '.repeat(rng.int(1, 5)).trim()}`;
    if (rng.chance(0.4)) a.channel = rng.pick(CHANNELS);
    if (rng.chance(0.3)) a.touchpoint = rng.pick(['Hotline', 'Service desk', 'Help page', 'Courier van']);
    if (lane === 'CUSTOMER') {
      if (rng.chance(0.5)) a.emotion = rng.int(-3, 3);
      if (rng.chance(0.25)) a.systems = rng.sample(org.systems.map((s) => s.key), rng.int(1, 2));
      if (rng.chance(0.1)) a.department = rng.pick(org.departments).key;
    } else {
      const support = lane === 'SUPPORT';
      if (rng.chance(support ? 0.2 : 0.75)) a.role = rng.pick(org.roles).key;
      if (rng.chance(support ? 0.5 : 0.15)) a.department = rng.pick(org.departments).key;
      if (rng.chance(0.3)) a.process = rng.pick(org.processes).key;
      if (rng.chance(0.5)) a.systems = rng.sample(org.systems.map((s) => s.key), rng.int(1, 3));
      if (rng.chance(0.1)) {
        // an action with no owner at all
        delete a.role;
        delete a.department;
        delete a.process;
        delete a.systems;
      }
    }
    return a;
  });

  // one action with four distinct owning departments
  if (nActions >= 10) {
    const a = actions.find((x) => x.lane === 'BACKSTAGE') ?? actions[0];
    const role = rng.pick(org.roles);
    const process = org.processes.find((p) => p.department !== role.department);
    const used = new Set([role.department, process?.department]);
    const explicit = org.departments.find((d) => !used.has(d.key));
    if (process && explicit) {
      used.add(explicit.key);
      const system = org.systems.find((s) => !used.has(s.department));
      if (system) {
        a.role = role.key;
        a.process = process.key;
        a.department = explicit.key;
        a.systems = [system.key];
      }
    }
  }

  // dependencies: random ones (cross-step too), plus cycles
  const deps = actionKeys.map(() => new Set<string>());
  actions.forEach((a, i) => {
    const r = rng.float();
    const k = a.lane === 'CUSTOMER' ? (r < 0.35 ? 0 : r < 0.8 ? 1 : 2) : r < 0.3 ? 0 : r < 0.65 ? 1 : r < 0.9 ? 2 : 3;
    const others = actionKeys.filter((_, j) => j !== i);
    for (const t of rng.sample(others, k)) deps[i].add(t);
  });
  if (nActions >= 3) {
    const nCycles = rng.int(1, 3);
    for (let c = 0; c < nCycles; c++) {
      const len = rng.int(2, Math.min(4, nActions));
      const idx = rng.sample(
        actionKeys.map((_, i) => i),
        len,
      );
      for (let j = 0; j < idx.length; j++) deps[idx[j]].add(actionKeys[idx[(j + 1) % idx.length]]);
    }
  } else if (nActions === 2) {
    deps[0].add(actionKeys[1]);
    deps[1].add(actionKeys[0]);
  }
  actions.forEach((a, i) => {
    if (deps[i].size > 0) a.dependsOn = rng.shuffle([...deps[i]]);
    else if (rng.chance(0.3)) a.dependsOn = [];
  });

  // stages and steps
  const nSteps = Math.max(1, Math.min(nActions, rng.int(1, Math.ceil(nActions / 3))));
  const perStep = splitPositive(rng, nActions, nSteps);
  const steps: StepDoc[] = [];
  let cursor = 0;
  perStep.forEach((count, s) => {
    const step: StepDoc = { key: `step-${s}`, name: `Step ${s}`, actions: actions.slice(cursor, cursor + count) };
    cursor += count;
    if (rng.chance(0.5)) step.evidence = rng.sample(['Receipt', 'Help page', 'Van', 'Smell of the office', 'SMS'], rng.int(0, 2));
    steps.push(step);
  });
  const nStages = rng.int(1, Math.min(4, nSteps));
  const stepsPerStage = splitPositive(rng, nSteps, nStages);
  const stages: StageDoc[] = [];
  cursor = 0;
  stepsPerStage.forEach((count, s) => {
    stages.push({ key: `stage.${s}`, name: `Stage ${s}`, steps: steps.slice(cursor, cursor + count) });
    cursor += count;
  });

  // pain points
  const nPain = rng.int(1, Math.max(1, Math.min(6, Math.floor(nActions / 4))));
  const customers = actions.filter((a) => a.lane === 'CUSTOMER').map((a) => a.key);
  const painPoints: PainDoc[] = [];
  for (let p = 0; p < nPain; p++) {
    const pp: PainDoc = {
      key: `pain-${p}`,
      title: `Pain ${p} — ${rng.pick(['too slow', 'za drogo', 'нет ответа', 'lost parcel'])}`,
      action: rng.chance(0.75) && customers.length ? rng.pick(customers) : rng.pick(actionKeys),
      severity: rng.int(1, 5),
    };
    if (rng.chance(0.5)) pp.causes = rng.sample(actionKeys, rng.int(1, 3));
    const f = rng.float();
    if (f < 0.6) pp.frequency = Math.max(0.001, Math.round(rng.float() * 1000) / 1000);
    else if (f < 0.75) pp.frequency = 1;
    else if (f < 0.85) pp.frequency = rng.float() * 0.999 + 0.001; // a full double
    if (rng.chance(0.6)) pp.category = rng.pick(CATEGORIES);
    if (rng.chance(0.3)) pp.description = `What the customer says about pain ${p}`;
    painPoints.push(pp);
  }

  // the organisation-wide entities: list what is not yet in the database, some of the rest, and a few extra
  const refDepts = new Set<string>();
  const refRoles = new Set<string>();
  const refSystems = new Set<string>();
  const refProcesses = new Set<string>();
  for (const a of actions) {
    if (a.role) refRoles.add(a.role);
    if (a.department) refDepts.add(a.department);
    if (a.process) refProcesses.add(a.process);
    for (const s of a.systems ?? []) refSystems.add(s);
  }
  const pickOwned = (all: OrgOwned[], ref: Set<string>): OrgOwned[] => {
    const extra = rng.chance(0.3) ? rng.sample(all.filter((x) => !ref.has(x.key)), 1) : [];
    const list = all.filter((x) => (ref.has(x.key) && (!known.has(x.key) || rng.chance(0.5))) || extra.includes(x));
    return rng.shuffle(list);
  };
  const roles = pickOwned(org.roles, refRoles);
  const systems = pickOwned(org.systems, refSystems);
  const processes = pickOwned(org.processes, refProcesses);
  const needDepts = new Set<string>(refDepts);
  for (const x of [...roles, ...systems, ...processes]) needDepts.add(x.department);
  for (const k of [...refRoles, ...refSystems, ...refProcesses]) needDepts.add(deptOf.get(k)!);
  const extraDept = rng.chance(0.4) ? rng.sample(org.departments.filter((d) => !needDepts.has(d.key)), 1) : [];
  const departments = rng.shuffle(
    org.departments.filter((d) => (needDepts.has(d.key) && (!known.has(d.key) || rng.chance(0.5))) || extraDept.includes(d)),
  );

  const doc: BlueprintDoc = { key: blueprintKey, name: `Generated journey ${blueprintKey} — «ünïcode»`, stages };
  if (rng.chance(0.6)) doc.description = `A generated blueprint with ${nActions} actions.`;
  if (rng.chance(0.7)) doc.state = rng.pick(STATES);
  if (rng.chance(0.5)) doc.persona = rng.chance(0.5) ? { name: 'Pani Krystyna' } : { name: 'Иван', description: 'Busy, calls from work' };
  if (departments.length || rng.chance(0.5)) doc.departments = departments;
  if (roles.length) doc.roles = roles;
  if (systems.length) doc.systems = systems;
  if (processes.length) doc.processes = processes;
  doc.painPoints = painPoints;

  for (const x of [...departments, ...roles, ...systems, ...processes]) known.add(x.key);
  return doc;
}

export function allActions(doc: BlueprintDoc): ActionDoc[] {
  return doc.stages.flatMap((s) => s.steps.flatMap((st) => st.actions));
}

// ---------------------------------------------------------------- the model of domain.md

export interface ModelAction {
  key: string;
  lane: Lane;
  deps: string[];
  /** distinct owning departments, ascending by key */
  owners: string[];
}
export interface ModelPain {
  key: string;
  blueprintKey: string;
  severity: number;
  impact: number;
  entries: string[];
}
export interface ModelBlueprint {
  key: string;
  actions: Map<string, ModelAction>;
  pains: ModelPain[];
}

export function buildModel(doc: BlueprintDoc, org: Org): ModelBlueprint {
  const deptOf = new Map<string, string>();
  for (const x of [...org.roles, ...org.systems, ...org.processes]) deptOf.set(x.key, x.department);
  const actions = new Map<string, ModelAction>();
  for (const a of allActions(doc)) {
    const owners = new Set<string>();
    if (a.role) owners.add(deptOf.get(a.role)!);
    if (a.department) owners.add(a.department);
    if (a.process) owners.add(deptOf.get(a.process)!);
    for (const s of a.systems ?? []) owners.add(deptOf.get(s)!);
    actions.set(a.key, { key: a.key, lane: a.lane, deps: [...(a.dependsOn ?? [])], owners: [...owners].sort(cmp) });
  }
  const pains = (doc.painPoints ?? []).map((p) => ({
    key: p.key,
    blueprintKey: doc.key,
    severity: p.severity,
    impact: p.severity * (p.frequency ?? 1),
    entries: p.causes && p.causes.length ? [...p.causes] : [p.action],
  }));
  return { key: doc.key, actions, pains };
}

/** Plain code-unit order, as for keys (ASCII). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Flow {
  impact: number;
  received: Map<string, number>;
  kept: Map<string, number>;
  minDepth: Map<string, number>;
  /** "from\u0000to" -> mass passed along the edge */
  edges: Map<string, number>;
  /** department -> what it received */
  departments: Map<string, number>;
  unattributed: number;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * Step 2-4 of the blame flow for one pain point. Mass at the same (action, depth)
 * is added up before it moves on, which is the same, by linearity, as moving it
 * along every walk separately. Mass 0 (retention 1 behind a non-customer action)
 * is not carried: it reaches nothing.
 */
export function blameFlow(bp: ModelBlueprint, pain: ModelPain, alpha: number, maxDepth: number): Flow {
  const f: Flow = {
    impact: pain.impact,
    received: new Map(),
    kept: new Map(),
    minDepth: new Map(),
    edges: new Map(),
    departments: new Map(),
    unattributed: 0,
  };
  let layer = new Map<string, number>();
  for (const e of pain.entries) add(layer, e, pain.impact / pain.entries.length);
  for (let d = 0; d <= maxDepth && layer.size > 0; d++) {
    const next = new Map<string, number>();
    for (const [key, m] of layer) {
      if (!(m > 0)) continue;
      const a = bp.actions.get(key)!;
      add(f.received, key, m);
      if (!f.minDepth.has(key)) f.minDepth.set(key, d);
      if (a.deps.length > 0 && d < maxDepth) {
        const keep = a.lane === 'CUSTOMER' ? 0 : alpha * m;
        const pass = a.lane === 'CUSTOMER' ? m : (1 - alpha) * m;
        add(f.kept, key, keep);
        const share = pass / a.deps.length;
        if (share > 0) {
          for (const dep of a.deps) {
            add(next, dep, share);
            add(f.edges, edgeKey(key, dep), share);
          }
        }
      } else {
        add(f.kept, key, m);
      }
    }
    layer = next;
  }
  for (const [key, kept] of f.kept) {
    if (!(kept > 0)) continue;
    const owners = bp.actions.get(key)!.owners;
    if (owners.length === 0) f.unattributed += kept;
    else for (const o of owners) add(f.departments, o, kept / owners.length);
  }
  return f;
}

export interface ExpectedContribution {
  pain: ModelPain;
  bp: ModelBlueprint;
  score: number;
}
export interface ExpectedRootCauses {
  totalImpact: number;
  unattributedImpact: number;
  painPointCount: number;
  /** department -> score and its contributions */
  departments: Map<string, { score: number; contributions: ExpectedContribution[] }>;
  /** sum of all departments' scores */
  scoreSum: number;
}

export function rootCauses(
  scope: { bp: ModelBlueprint; pain: ModelPain }[],
  alpha: number,
  maxDepth: number,
): ExpectedRootCauses {
  const r: ExpectedRootCauses = { totalImpact: 0, unattributedImpact: 0, painPointCount: scope.length, departments: new Map(), scoreSum: 0 };
  for (const { bp, pain } of scope) {
    const f = blameFlow(bp, pain, alpha, maxDepth);
    r.totalImpact += pain.impact;
    r.unattributedImpact += f.unattributed;
    for (const [dept, score] of f.departments) {
      if (!(score > 0)) continue;
      if (!r.departments.has(dept)) r.departments.set(dept, { score: 0, contributions: [] });
      const d = r.departments.get(dept)!;
      d.score += score;
      d.contributions.push({ pain, bp, score });
    }
  }
  for (const d of r.departments.values()) r.scoreSum += d.score;
  return r;
}

/**
 * The mass that the walk carried to `dept`, per the contract's definition of a
 * chain; null when the walk is not a walk of this flow or does not end at an
 * action of the department.
 */
export function walkMass(bp: ModelBlueprint, pain: ModelPain, walk: string[], dept: string, alpha: number, maxDepth: number): number | null {
  if (walk.length === 0 || walk.length - 1 > maxDepth || !pain.entries.includes(walk[0])) return null;
  let m = pain.impact / pain.entries.length;
  for (let i = 0; i + 1 < walk.length; i++) {
    const a = bp.actions.get(walk[i]);
    if (!a || !a.deps.includes(walk[i + 1])) return null;
    m = (m * (a.lane === 'CUSTOMER' ? 1 : 1 - alpha)) / a.deps.length;
  }
  const last = bp.actions.get(walk[walk.length - 1]);
  if (!last || !last.owners.includes(dept)) return null;
  const depth = walk.length - 1;
  const keptFraction = last.deps.length === 0 || depth === maxDepth ? 1 : last.lane === 'CUSTOMER' ? 0 : alpha;
  return (m * keptFraction) / last.owners.length;
}

/**
 * The masses of the `limit` chains that carried most mass to `dept`, found by a
 * best-first enumeration of walks (the mass arriving along a walk never grows
 * as the walk goes on, so the search can stop once the limit-th best chain
 * outweighs everything still queued). null when the budget runs out.
 */
export function topChainMasses(
  bp: ModelBlueprint,
  pain: ModelPain,
  dept: string,
  alpha: number,
  maxDepth: number,
  limit: number,
  budget = 400_000,
): number[] | null {
  type Item = { key: string; depth: number; arrival: number };
  const heap: Item[] = [];
  const push = (it: Item) => {
    heap.push(it);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p].arrival >= heap[i].arrival) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): Item => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let b = i;
        if (l < heap.length && heap[l].arrival > heap[b].arrival) b = l;
        if (r < heap.length && heap[r].arrival > heap[b].arrival) b = r;
        if (b === i) break;
        [heap[b], heap[i]] = [heap[i], heap[b]];
        i = b;
      }
    }
    return top;
  };
  for (const e of pain.entries) push({ key: e, depth: 0, arrival: pain.impact / pain.entries.length });
  const best: number[] = [];
  let pops = 0;
  while (heap.length) {
    if (best.length >= limit && best[limit - 1] >= heap[0].arrival) break;
    if (++pops > budget) return null;
    const it = pop();
    const a = bp.actions.get(it.key)!;
    const leafHere = a.deps.length === 0 || it.depth === maxDepth;
    if (a.owners.includes(dept)) {
      const kf = leafHere ? 1 : a.lane === 'CUSTOMER' ? 0 : alpha;
      const mass = (it.arrival * kf) / a.owners.length;
      if (mass > 0) {
        best.push(mass);
        best.sort((x, y) => y - x);
        if (best.length > limit) best.length = limit;
      }
    }
    if (!leafHere) {
      const frac = a.lane === 'CUSTOMER' ? 1 : 1 - alpha;
      const child = (it.arrival * frac) / a.deps.length;
      if (child > 0) for (const d of a.deps) push({ key: d, depth: it.depth + 1, arrival: child });
    }
  }
  return best;
}

export interface ExpectedDependency {
  from: string;
  to: string;
  handoffs: number;
  impact: number;
  blueprints: Set<string>;
}

/** Cross-department dependencies of domain.md over the given blueprints (all their pain points, default parameters). */
export function departmentDependencies(bps: ModelBlueprint[]): Map<string, ExpectedDependency> {
  const out = new Map<string, ExpectedDependency>();
  for (const bp of bps) {
    const edgeMass = new Map<string, number>();
    for (const pain of bp.pains) {
      const f = blameFlow(bp, pain, 0.5, 6);
      for (const [k, v] of f.edges) add(edgeMass, k, v);
    }
    for (const a of bp.actions.values()) {
      for (const depKey of a.deps) {
        const b = bp.actions.get(depKey)!;
        if (!a.owners.length || !b.owners.length) continue;
        const share = (edgeMass.get(edgeKey(a.key, b.key)) ?? 0) / (a.owners.length * b.owners.length);
        for (const x of a.owners) {
          for (const y of b.owners) {
            if (x === y) continue;
            const k = edgeKey(x, y);
            if (!out.has(k)) out.set(k, { from: x, to: y, handoffs: 0, impact: 0, blueprints: new Set() });
            const row = out.get(k)!;
            row.handoffs += 1;
            row.impact += share;
            row.blueprints.add(bp.key);
          }
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- comparison

export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
