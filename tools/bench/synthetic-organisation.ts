import { Channel, Lane, PainCategory } from '../../src/blueprints/models/enums';
import { mulberry32, shuffled } from '../../src/common/seeded-random';
import type { SyntheticDocument } from './synthetic-documents';

/**
 * A deterministic synthetic organisation for `npm run bench`: departments
 * with their roles, systems and processes, and any number of blueprints over
 * them. The same spec and blueprint index give the same document, byte for
 * byte, so every run and every machine measures the same graph.
 *
 * A blueprint has 4 to 7 stages of 2 to 6 steps; every step has actions in
 * every lane (1–2 customer, 1–3 in each of the others), staffed from a cast of
 * 6 to 12 of the organisation's departments. Dependencies run mostly down the
 * lanes within a step, some to one of the three steps before, and about one
 * blueprint in two has a cycle (a backstage or support action depending back
 * on one that depends on it). About one customer action in ten has a pain
 * point, every blueprint at least one, with up to two causes in its step.
 */

export interface OrganisationSpec {
  /** Prefix of every organisation key, so runs and documents can share or keep apart their organisations. */
  prefix: string;
  departments: number;
  seed: number;
}

export interface OrgEntry {
  key: string;
  name: string;
  department: string;
}

export interface SyntheticOrganisation {
  spec: OrganisationSpec;
  departments: { key: string; name: string }[];
  roles: OrgEntry[];
  systems: OrgEntry[];
  processes: OrgEntry[];
}

type Action = SyntheticDocument['stages'][number]['steps'][number]['actions'][number];
type PainPoint = SyntheticDocument['painPoints'][number];

const ROLES_PER_DEPARTMENT = 3;
const SYSTEMS_PER_DEPARTMENT = 2;
const PROCESSES_PER_DEPARTMENT = 2;
const LANES: Lane[] = [Lane.CUSTOMER, Lane.FRONTSTAGE, Lane.BACKSTAGE, Lane.SUPPORT];
const CHANNELS = Object.values(Channel);
const CATEGORIES = Object.values(PainCategory);
const ACROSS_STEPS = 0.1;
const STEPS_BACK = 3;
const CYCLE = 0.5;
const PAIN_POINT = 0.1;

export function syntheticOrganisation(spec: OrganisationSpec): SyntheticOrganisation {
  if (!Number.isInteger(spec.departments) || spec.departments < 1) {
    throw new Error(`departments must be a positive integer, not ${spec.departments}`);
  }
  const departments = range(spec.departments).map((d) => ({ key: `${spec.prefix}-dept-${d}`, name: `Department ${d}` }));
  const entries = (kind: string, perDepartment: number, label: string): OrgEntry[] =>
    departments.flatMap((department, d) =>
      range(perDepartment).map((i) => ({ key: `${spec.prefix}-${kind}-${d}-${i}`, name: `${label} ${d}.${i}`, department: department.key })),
    );
  return {
    spec,
    departments,
    roles: entries('role', ROLES_PER_DEPARTMENT, 'Role'),
    systems: entries('system', SYSTEMS_PER_DEPARTMENT, 'System'),
    processes: entries('process', PROCESSES_PER_DEPARTMENT, 'Process'),
  };
}

/** Blueprint number `index` of the organisation, under `key`. */
export function syntheticBlueprint(org: SyntheticOrganisation, index: number, key: string): SyntheticDocument {
  const seed = (Math.imul(org.spec.seed ^ 0x9e3779b9, 31) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  const random = mulberry32(seed);
  const below = (n: number) => Math.floor(random() * n);
  const between = (low: number, high: number) => low + below(high - low + 1);
  const pick = <T>(list: readonly T[]): T => list[below(list.length)];
  const chance = (p: number) => random() < p;

  // The cast: the departments whose people and systems this service uses.
  const castSize = Math.min(org.departments.length, between(6, 12));
  const cast = new Set(shuffled(range(org.departments.length), random).slice(0, castSize).map((d) => org.departments[d].key));
  const ofCast = (entries: OrgEntry[]) => entries.filter((entry) => cast.has(entry.department));
  const castRoles = ofCast(org.roles);
  const castSystems = ofCast(org.systems);
  const castProcesses = ofCast(org.processes);
  const castDepartments = org.departments.filter((department) => cast.has(department.key));

  let actionCount = 0;
  const newAction = (lane: Lane): Action => {
    const n = actionCount++;
    const action: Action = { key: `a-${n}`, lane, name: `Action ${n}` };
    if (lane === Lane.CUSTOMER) {
      action.channel = pick(CHANNELS);
      action.touchpoint = `Touchpoint ${n}`;
      action.emotion = below(7) - 3;
      return action;
    }
    action.role = pick(castRoles).key;
    if (lane === Lane.FRONTSTAGE && chance(0.5)) action.channel = pick(CHANNELS);
    if (chance(0.3)) action.department = pick(castDepartments).key;
    if (lane !== Lane.FRONTSTAGE && chance(0.6)) action.process = pick(castProcesses).key;
    if (lane === Lane.SUPPORT || chance(0.3)) {
      const [first, second] = [pick(castSystems).key, pick(castSystems).key];
      action.systems = chance(0.5) && second !== first ? [first, second] : [first];
    }
    return action;
  };

  /** Per step, the actions of each lane. */
  const steps: Action[][][] = [];
  const stages: SyntheticDocument['stages'] = range(between(4, 7)).map((g) => ({
    key: `stage-${g}`,
    name: `Stage ${g}`,
    steps: range(between(2, 6)).map(() => {
      const t = steps.length;
      const lanes = LANES.map((lane) => range(lane === Lane.CUSTOMER ? between(1, 2) : between(1, 3)).map(() => newAction(lane)));
      steps.push(lanes);
      const step: SyntheticDocument['stages'][number]['steps'][number] = { key: `step-${t}`, name: `Step ${t}`, actions: lanes.flat() };
      if (chance(0.3)) step.evidence = [`Interview ${t}`];
      return step;
    }),
  }));

  const dependsOn = (from: Action, to: Action): boolean => {
    if (from === to || from.dependsOn?.includes(to.key)) return false;
    (from.dependsOn ??= []).push(to.key);
    return true;
  };
  // Down the lanes: every action above support leans on one in the lane below, some on a second lower one.
  steps.forEach((lanes, t) => {
    lanes.slice(0, -1).forEach((actions, l) => {
      for (const action of actions) {
        dependsOn(action, pick(lanes[l + 1]));
        if (chance(0.3)) dependsOn(action, pick(lanes.slice(l + 1).flat()));
        if (t > 0 && chance(ACROSS_STEPS)) dependsOn(action, pick(steps[t - 1 - below(Math.min(STEPS_BACK, t))].flat()));
      }
    });
  });
  if (chance(CYCLE)) {
    const lanes = pick(steps);
    const from = pick(lanes[1]);
    const to = lanes[2].find((action) => from.dependsOn?.includes(action.key)) ?? pick(lanes[2]);
    dependsOn(from, to);
    dependsOn(to, from);
  }

  const painPoints: PainPoint[] = [];
  steps.forEach((lanes, t) => {
    for (const action of lanes[0]) {
      const first = painPoints.length === 0 && t === steps.length - 1 && action === lanes[0][lanes[0].length - 1];
      if (!chance(PAIN_POINT) && !first) continue;
      const p = painPoints.length;
      const causes = shuffled(lanes.slice(1).flat(), random).slice(0, below(3)).map((cause) => cause.key);
      painPoints.push({
        key: `pain-${p}`,
        title: `Pain point ${p}`,
        action: action.key,
        ...(causes.length > 0 ? { causes } : {}),
        severity: between(1, 5),
        frequency: between(1, 100) / 100,
        category: pick(CATEGORIES),
      });
    }
  });

  // The organisation entries the actions name, and the departments of those.
  const used = new Set<string>();
  for (const action of steps.flat(2)) {
    for (const ref of [action.role, action.department, action.process, ...(action.systems ?? [])]) if (ref) used.add(ref);
  }
  const roles = castRoles.filter((entry) => used.has(entry.key));
  const systems = castSystems.filter((entry) => used.has(entry.key));
  const processes = castProcesses.filter((entry) => used.has(entry.key));
  for (const entry of [...roles, ...systems, ...processes]) used.add(entry.department);

  return {
    key,
    name: `Service ${index}`,
    description: `Synthetic blueprint ${index} of ${org.spec.prefix} (seed ${org.spec.seed}).`,
    state: 'CURRENT',
    persona: { name: 'Customer', description: 'Generated.' },
    departments: castDepartments.filter((department) => used.has(department.key)),
    roles,
    systems,
    processes,
    stages,
    painPoints,
  };
}

/** Nodes a blueprint document becomes (blueprint, stages, steps, actions, pain points), organisation aside. */
export function blueprintNodeCount(document: SyntheticDocument): number {
  const steps = document.stages.flatMap((stage) => stage.steps);
  return 1 + document.stages.length + steps.length + steps.reduce((sum, step) => sum + step.actions.length, 0) + document.painPoints.length;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

