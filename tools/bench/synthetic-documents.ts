import { Channel, Lane, PainCategory } from '../../src/blueprints/models/enums';
import { mulberry32, shuffled } from '../../src/common/seeded-random';

/**
 * Deterministic synthetic blueprint documents for benchmarks: the same options
 * give the same document, byte for byte. Actions are spread evenly over steps
 * (about 20 each) and stages (5 steps each), and within a step over the four
 * lanes, customer first. Departments, roles, systems and processes are shared
 * by every document generated with the same `orgPrefix`; a document lists the
 * ones its actions use and their departments.
 *
 * Dependencies point down the lanes within a step (a frontstage action depends
 * on a backstage one...) for about 80%, and from an action to one of the
 * three steps before its own for the rest, so the graph has no cycles; never
 * to itself, never twice. Pain points sit on customer actions, with up to two
 * causes among the other actions of the same step.
 */

export interface DocumentSpec {
  key: string;
  actions: number;
  dependencies: number;
  /** Default: one for every 20 actions, at least one. */
  painPoints?: number;
  seed: number;
  /** Prefix of the organisation-wide keys; documents with the same prefix share them. */
  orgPrefix: string;
}

/** The plain document, as a file or a GraphQL client would send it. */
export interface SyntheticDocument {
  key: string;
  name: string;
  description: string;
  state: 'CURRENT';
  persona: { name: string; description: string };
  departments: { key: string; name: string }[];
  roles: OrgEntry[];
  systems: OrgEntry[];
  processes: OrgEntry[];
  stages: { key: string; name: string; steps: SyntheticStep[] }[];
  painPoints: SyntheticPainPoint[];
}

interface OrgEntry {
  key: string;
  name: string;
  department: string;
}

interface SyntheticStep {
  key: string;
  name: string;
  evidence?: string[];
  actions: SyntheticAction[];
}

interface SyntheticAction {
  key: string;
  lane: Lane;
  name: string;
  description?: string;
  channel?: Channel;
  touchpoint?: string;
  emotion?: number;
  role?: string;
  department?: string;
  process?: string;
  systems?: string[];
  dependsOn?: string[];
}

interface SyntheticPainPoint {
  key: string;
  title: string;
  description?: string;
  action: string;
  causes?: string[];
  severity: number;
  frequency: number;
  category: PainCategory;
}

const ACTIONS_PER_STEP = 20;
const STEPS_PER_STAGE = 5;
const DEPARTMENTS = 8;
const ROLES_PER_DEPARTMENT = 3;
const SYSTEMS_PER_DEPARTMENT = 2;
const PROCESSES_PER_DEPARTMENT = 2;
const LANES: Lane[] = [Lane.CUSTOMER, Lane.FRONTSTAGE, Lane.BACKSTAGE, Lane.SUPPORT];
/** Share of a step's actions in each lane, cumulated: 15% customer, 25% frontstage, 30% backstage, 30% support. */
const LANE_SHARES = [0.15, 0.4, 0.7, 1];
const DOWN_THE_LANES = 0.8;
const STEPS_BACK = 3;
const CHANNELS = Object.values(Channel);
const CATEGORIES = Object.values(PainCategory);

/** The organisation every document with this prefix shares. */
export function organisation(orgPrefix: string) {
  const departments = range(DEPARTMENTS).map((d) => ({ key: `${orgPrefix}-dept-${d}`, name: `Department ${d}` }));
  const entries = (kind: string, perDepartment: number, label: string): OrgEntry[] =>
    departments.flatMap((department, d) =>
      range(perDepartment).map((i) => ({
        key: `${orgPrefix}-${kind}-${d}-${i}`,
        name: `${label} ${d}.${i}`,
        department: department.key,
      })),
    );
  return {
    departments,
    roles: entries('role', ROLES_PER_DEPARTMENT, 'Role'),
    systems: entries('system', SYSTEMS_PER_DEPARTMENT, 'System'),
    processes: entries('process', PROCESSES_PER_DEPARTMENT, 'Process'),
  };
}

export function generateDocument(spec: DocumentSpec): SyntheticDocument {
  const { key, actions: actionCount, dependencies: dependencyCount, seed, orgPrefix } = spec;
  if (!Number.isInteger(actionCount) || actionCount < 1) throw new Error(`actions must be a positive integer, not ${actionCount}`);
  if (!Number.isInteger(dependencyCount) || dependencyCount < 0) {
    throw new Error(`dependencies must be a non-negative integer, not ${dependencyCount}`);
  }
  const random = mulberry32(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[below(list.length)];
  const chance = (p: number) => random() < p;
  const org = organisation(orgPrefix);

  // Layout: steps of about ACTIONS_PER_STEP actions, lanes in order within each step.
  const stepCount = Math.ceil(actionCount / ACTIONS_PER_STEP);
  const stageCount = Math.ceil(stepCount / STEPS_PER_STAGE);
  const stages: SyntheticDocument['stages'] = range(stageCount).map((g) => ({ key: `stage-${g}`, name: `Stage ${g}`, steps: [] }));
  /** Per step, the actions of each lane, as objects of the document. */
  const byStepAndLane: SyntheticAction[][][] = [];
  let next = 0;
  for (let t = 0; t < stepCount; t++) {
    const size = Math.floor(actionCount / stepCount) + (t < actionCount % stepCount ? 1 : 0);
    const lanes: SyntheticAction[][] = LANES.map(() => []);
    for (let i = 0; i < size; i++) {
      const share = i / size; // the first action of every step is a customer one
      const laneIndex = LANE_SHARES.findIndex((limit) => share < limit);
      lanes[laneIndex].push(newAction(next++, LANES[laneIndex]));
    }
    byStepAndLane.push(lanes);
    const step: SyntheticStep = { key: `step-${t}`, name: `Step ${t}`, actions: lanes.flat() };
    if (chance(0.3)) step.evidence = [`Interview ${t}`, `Survey ${t}`];
    stages[Math.floor(t / STEPS_PER_STAGE)].steps.push(step);
  }

  function newAction(n: number, lane: Lane): SyntheticAction {
    const action: SyntheticAction = { key: `a-${n}`, lane, name: `Action ${n}` };
    if (chance(0.2)) action.description = `What happens at action ${n}.`;
    if (lane === Lane.CUSTOMER) {
      action.channel = pick(CHANNELS);
      action.touchpoint = `Touchpoint ${n}`;
      action.emotion = below(7) - 3;
      return action;
    }
    const role = pick(org.roles);
    action.role = role.key;
    if (lane === Lane.FRONTSTAGE && chance(0.5)) action.channel = pick(CHANNELS);
    if (chance(0.3)) action.department = pick(org.departments).key;
    if (lane !== Lane.FRONTSTAGE && chance(0.6)) action.process = pick(org.processes).key;
    if (lane === Lane.SUPPORT || chance(0.3)) {
      const first = pick(org.systems).key;
      const second = pick(org.systems).key;
      action.systems = chance(0.5) && second !== first ? [first, second] : [first];
    }
    return action;
  }

  // Dependencies: mostly down the lanes within a step, the rest to one of the steps before.
  const seen = new Set<string>();
  let placed = 0;
  const maxAttempts = 100 * dependencyCount + 1000;
  for (let attempt = 0; placed < dependencyCount && attempt < maxAttempts; attempt++) {
    const t = below(stepCount);
    const lanes = byStepAndLane[t];
    let from: SyntheticAction | undefined;
    let to: SyntheticAction | undefined;
    if (chance(DOWN_THE_LANES) || t === 0) {
      const fromLane = below(LANES.length - 1);
      const lower = lanes.slice(fromLane + 1).flat();
      if (lanes[fromLane].length === 0 || lower.length === 0) continue;
      from = pick(lanes[fromLane]);
      to = pick(lower);
    } else {
      const earlier = byStepAndLane[t - 1 - below(Math.min(STEPS_BACK, t))].flat();
      from = pick(lanes.flat());
      to = pick(earlier);
    }
    if (from === to || seen.has(`${from.key}>${to.key}`)) continue;
    seen.add(`${from.key}>${to.key}`);
    (from.dependsOn ??= []).push(to.key);
    placed++;
  }
  if (placed < dependencyCount) {
    throw new Error(`could place only ${placed} of ${dependencyCount} dependencies among ${actionCount} actions`);
  }

  // Pain points on customer actions, each customer action used once before any is used again.
  const painPointCount = spec.painPoints ?? Math.max(1, Math.round(actionCount / 20));
  const customerSteps = byStepAndLane.map((lanes, t) => ({ t, customers: lanes[0] })).filter((s) => s.customers.length > 0);
  const customerActions = customerSteps.flatMap(({ t, customers }) => customers.map((action) => ({ t, action })));
  if (painPointCount > 0 && customerActions.length === 0) throw new Error('no customer action to put pain points on');
  const order = shuffled(customerActions, random);
  const painPoints: SyntheticPainPoint[] = range(painPointCount).map((p) => {
    const { t, action } = order[p % order.length];
    const others = byStepAndLane[t].slice(1).flat();
    const painPoint: SyntheticPainPoint = {
      key: `pain-${p}`,
      title: `Pain point ${p}`,
      action: action.key,
      severity: 1 + below(5),
      frequency: Math.max(1, below(101)) / 100,
      category: pick(CATEGORIES),
    };
    if (chance(0.3)) painPoint.description = `Why customers suffer at ${action.key}.`;
    const causes = shuffled(others, random).slice(0, below(3)).map((cause) => cause.key);
    if (causes.length > 0) painPoint.causes = causes;
    return painPoint;
  });

  // The organisation the actions use, and the departments of what is listed.
  const used = new Set<string>();
  for (const action of byStepAndLane.flat(2)) {
    for (const ref of [action.role, action.department, action.process, ...(action.systems ?? [])]) if (ref) used.add(ref);
  }
  const roles = org.roles.filter((entry) => used.has(entry.key));
  const systems = org.systems.filter((entry) => used.has(entry.key));
  const processes = org.processes.filter((entry) => used.has(entry.key));
  for (const entry of [...roles, ...systems, ...processes]) used.add(entry.department);
  const departments = org.departments.filter((department) => used.has(department.key));

  return {
    key,
    name: `Synthetic blueprint ${key}`,
    description: `${actionCount} actions, ${dependencyCount} dependencies, ${painPointCount} pain points (seed ${seed}).`,
    state: 'CURRENT',
    persona: { name: 'Benchmark customer', description: 'Generated.' },
    departments,
    roles,
    systems,
    processes,
    stages,
    painPoints,
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

