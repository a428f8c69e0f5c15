import { compareKeys } from '../common/compare-keys';
import { canonicalDocument } from './canonical-document';
import { Row } from '../database/executor';
import { BlueprintDocument } from './dto/blueprint-document';
import { Action, Blueprint, PainPoint, Persona, Stage, Step } from './models/blueprint.model';
import { BlueprintState, Channel, Lane, PainCategory } from './models/enums';
import { Department, Process, Role, System } from './models/organisation.model';

/** Turns the rows of blueprint-contents.cypher into the object graph clients read, and that into a document. */

export type Positioned = [number, string];
/** An organisation-wide node as the query gives it: [key, name, department key, department name]. */
export type OrgRef = [string, string, string, string];

export const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
export const keysInOrder = (pairs: Positioned[] | null | undefined): string[] =>
  [...(pairs ?? [])].sort((a, b) => a[0] - b[0]).map(([, key]) => key);

export function blueprintHeader(row: Row): Blueprint {
  const b = row.blueprint as Record<string, string | null> & { revision?: number | null };
  const persona: Persona | null =
    b.personaName != null ? { name: b.personaName, description: b.personaDescription ?? null } : null;
  return {
    key: b.key as string,
    name: b.name as string,
    description: b.description ?? null,
    state: (b.state as BlueprintState) ?? BlueprintState.CURRENT,
    persona,
    stages: [],
    painPoints: [],
    version: Number(b.revision ?? 1),
    updatedAt: b.updatedAt ?? '',
  };
}

export function assembleBlueprint(row: Row): Blueprint {
  const blueprint = blueprintHeader(row);
  const stageRows = (row.stages as { key: string; name: string; position: number }[]).sort(byPosition);
  const stepRows = (row.steps as { key: string; name: string; evidence: string[] | null; position: number; stage: string }[]).sort(byPosition);
  const actionRows = (row.actions as ActionRow[]).sort(byPosition);

  const actionOf = actionAssembler();
  const actions = new Map<string, Action>();
  for (const a of actionRows) actions.set(a.key, actionOf(a));
  for (const a of actionRows) {
    actions.get(a.key)!.dependsOn = keysInOrder(a.dependsOn).map((key) => actions.get(key)!).filter(Boolean);
  }

  const steps = new Map<string, Step & { stage: string }>();
  for (const t of stepRows) steps.set(t.key, { key: t.key, name: t.name, evidence: t.evidence ?? [], actions: [], stage: t.stage });
  for (const action of actions.values()) steps.get(action.stepKey)?.actions.push(action);
  const stages = new Map<string, Stage>();
  for (const s of stageRows) stages.set(s.key, { key: s.key, name: s.name, steps: [] });
  for (const { stage, ...step } of steps.values()) stages.get(stage)?.steps.push(step);
  blueprint.stages = [...stages.values()];
  // Stored positions count within a parent (or, written earlier, across the blueprint); an action's
  // position is its place in the document's order.
  let position = 0;
  for (const stage of blueprint.stages) for (const step of stage.steps) for (const action of step.actions) action.position = position++;

  blueprint.painPoints = (row.painPoints as PainPointRow[]).sort(byPosition).map((p) => painPointOf(p, blueprint.key, actions));
  return blueprint;
}

/**
 * Builds actions from their rows, the departments, roles, systems and
 * processes they name shared as one object per key, as in the graph. Leaves
 * `dependsOn` empty: the caller links the actions it holds.
 */
export function actionAssembler(): (row: ActionRow) => Action {
  const departments = new Map<string, Department>();
  const department = (key: string, name: string): Department => {
    let found = departments.get(key);
    if (!found) departments.set(key, (found = { key, name }));
    return found;
  };
  const shared = <T extends Role | System | Process>(entries: Map<string, T>, named: OrgRef | null): T | null => {
    if (!named) return null;
    const [key, name, departmentKey, departmentName] = named;
    let found = entries.get(key);
    if (!found) entries.set(key, (found = { key, name, department: department(departmentKey, departmentName) } as T));
    return found;
  };
  const roles = new Map<string, Role>();
  const systems = new Map<string, System>();
  const processes = new Map<string, Process>();

  return (a) => {
    const role = shared(roles, a.role);
    const explicit = a.department ? department(a.department[0], a.department[1]) : null;
    const process = shared(processes, a.process);
    const usedSystems = [...(a.systems ?? [])]
      .sort((x, y) => x[0] - y[0])
      .map(([, ...named]) => shared(systems, named as OrgRef)!);
    const owners = new Map<string, Department>();
    for (const owner of [role?.department, explicit, process?.department, ...usedSystems.map((s) => s.department)]) {
      if (owner) owners.set(owner.key, owner);
    }
    return {
      key: a.key,
      lane: a.lane as Lane,
      name: a.name,
      description: a.description ?? null,
      channel: (a.channel as Channel) ?? null,
      touchpoint: a.touchpoint ?? null,
      emotion: a.emotion ?? null,
      role,
      department: explicit,
      process,
      systems: usedSystems,
      dependsOn: [],
      owners: [...owners.values()].sort((x, y) => compareKeys(x.key, y.key)),
      stepKey: a.step,
      position: a.position,
    };
  };
}

/** A pain point from its row, its actions taken from `actions` (which must hold them). */
export function painPointOf(p: PainPointRow, blueprintKey: string, actions: ReadonlyMap<string, Action>): PainPoint {
  return {
    key: p.key,
    title: p.title,
    description: p.description ?? null,
    severity: p.severity,
    frequency: p.frequency,
    impact: p.severity * p.frequency,
    category: p.category as PainCategory,
    action: actions.get(p.action)!,
    causes: keysInOrder(p.causes).map((key) => actions.get(key)!),
    blueprintKey,
  };
}

/** An action as blueprint-contents.cypher (and edit-scope.cypher) give it. */
export interface ActionRow {
  key: string;
  lane: string;
  name: string;
  description: string | null;
  channel: string | null;
  touchpoint: string | null;
  emotion: number | null;
  position: number;
  step: string;
  role: OrgRef | null;
  /** [key, name] */
  department: [string, string] | null;
  process: OrgRef | null;
  /** [position, ...OrgRef] */
  systems: [number, string, string, string, string][];
  dependsOn: Positioned[];
}

/** A pain point as blueprint-contents.cypher (and analysis-traces.cypher) give it. */
export interface PainPointRow {
  key: string;
  title: string;
  description: string | null;
  severity: number;
  frequency: number;
  category: string;
  position: number;
  action: string;
  causes: Positioned[];
}

/** Every action of a blueprint, in document order. */
export function actionsOf(blueprint: Blueprint): Action[] {
  return blueprint.stages.flatMap((stage) => stage.steps.flatMap((step) => step.actions));
}

/**
 * The blueprint as a document: the organisation-wide entries its actions
 * reference, and the departments those belong to, each listed once, sorted by key.
 */
export function blueprintToDocument(blueprint: Blueprint): BlueprintDocument {
  const departments = new Map<string, Department>();
  const roles = new Map<string, Role>();
  const systems = new Map<string, System>();
  const processes = new Map<string, Process>();
  for (const action of actionsOf(blueprint)) {
    if (action.role) roles.set(action.role.key, action.role);
    if (action.department) departments.set(action.department.key, action.department);
    if (action.process) processes.set(action.process.key, action.process);
    for (const system of action.systems) systems.set(system.key, system);
  }
  for (const entry of [...roles.values(), ...systems.values(), ...processes.values()]) {
    departments.set(entry.department.key, entry.department);
  }
  const sorted = <T extends { key: string }>(map: Map<string, T>) =>
    [...map.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const withDepartment = (entry: { key: string; name: string; department: Department }) => ({
    key: entry.key,
    name: entry.name,
    department: entry.department.key,
  });

  return {
    key: blueprint.key,
    name: blueprint.name,
    description: blueprint.description,
    state: blueprint.state,
    persona: blueprint.persona ? { name: blueprint.persona.name, description: blueprint.persona.description } : null,
    departments: sorted(departments).map(({ key, name }) => ({ key, name })),
    roles: sorted(roles).map(withDepartment),
    systems: sorted(systems).map(withDepartment),
    processes: sorted(processes).map(withDepartment),
    stages: blueprint.stages.map((stage) => ({
      key: stage.key,
      name: stage.name,
      steps: stage.steps.map((step) => ({
        key: step.key,
        name: step.name,
        evidence: step.evidence,
        actions: step.actions.map((action) => ({
          key: action.key,
          lane: action.lane,
          name: action.name,
          description: action.description,
          channel: action.channel,
          touchpoint: action.touchpoint,
          emotion: action.emotion,
          role: action.role?.key ?? null,
          department: action.department?.key ?? null,
          process: action.process?.key ?? null,
          systems: action.systems.map((system) => system.key),
          dependsOn: action.dependsOn.map((dependency) => dependency.key),
        })),
      })),
    })),
    painPoints: blueprint.painPoints.map((painPoint) => ({
      key: painPoint.key,
      title: painPoint.title,
      description: painPoint.description,
      action: painPoint.action.key,
      causes: painPoint.causes.map((cause) => cause.key),
      severity: painPoint.severity,
      frequency: painPoint.frequency,
      category: painPoint.category,
    })),
  };
}

/**
 * A document as the object graph clients read, without the database: the
 * same assembly as a stored blueprint's, from the rows the document would be
 * read back as. For figures of documents not stored (versions, files). An
 * organisation entry the document references without listing is left out
 * (callers that need it complete the document first).
 */
export function documentToBlueprint(given: BlueprintDocument, version = 0, updatedAt = ''): Blueprint {
  // Defaults filled in by the one definition of them: every optional field is then present.
  const document = canonicalDocument(given) as Required<BlueprintDocument>;
  const departments = new Map(document.departments!.map((d) => [d.key, d.name]));
  const entries = (list: { key: string; name: string; department: string }[]) =>
    new Map(
      list
        .filter((entry) => departments.has(entry.department))
        .map((entry): [string, OrgRef] => [entry.key, [entry.key, entry.name, entry.department, departments.get(entry.department)!]]),
    );
  const [roles, systems, processes] = [entries(document.roles!), entries(document.systems!), entries(document.processes!)];
  const stages: Row[] = [];
  const steps: Row[] = [];
  const actions: ActionRow[] = [];
  for (const stage of document.stages) {
    stages.push({ key: stage.key, name: stage.name, position: stages.length });
    for (const step of stage.steps) {
      steps.push({ key: step.key, name: step.name, evidence: step.evidence, position: steps.length, stage: stage.key });
      for (const { role, department, process, systems: used, dependsOn, ...own } of step.actions) {
        actions.push({
          ...(own as Pick<ActionRow, 'key' | 'lane' | 'name' | 'description' | 'channel' | 'touchpoint' | 'emotion'>),
          position: actions.length,
          step: step.key,
          role: (role && roles.get(role)) || null,
          department: department && departments.has(department) ? [department, departments.get(department)!] : null,
          process: (process && processes.get(process)) || null,
          systems: used!.flatMap((key, i) => (systems.has(key) ? [[i, ...systems.get(key)!] as ActionRow['systems'][number]] : [])),
          dependsOn: dependsOn!.map((key, i): Positioned => [i, key]),
        });
      }
    }
  }
  const painPoints: PainPointRow[] = document.painPoints!.map(({ causes, ...own }, position) => ({
    ...(own as Omit<PainPointRow, 'position' | 'causes'>),
    position,
    causes: causes!.map((key, i): Positioned => [i, key]),
  }));
  const blueprint = {
    key: document.key,
    name: document.name,
    description: document.description,
    state: document.state,
    personaName: document.persona?.name ?? null,
    personaDescription: document.persona?.description ?? null,
    revision: version,
    updatedAt,
  };
  return assembleBlueprint({ blueprint, stages, steps, actions, painPoints });
}
