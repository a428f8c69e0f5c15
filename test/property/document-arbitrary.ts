import { VISIBLE_CHARACTER } from '../../src/common/validation-rules';
import fc from 'fast-check';

/**
 * Valid blueprint documents as fast-check arbitraries, and mutations that
 * each break one rule of docs/api-contract.md at a known path. Pure: no
 * database, no app.
 */

const LANES = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'] as const;
const CHANNELS = ['WEB', 'MOBILE_APP', 'PHONE', 'EMAIL', 'CHAT', 'SOCIAL', 'IN_PERSON', 'MAIL', 'OTHER'] as const;
const STATES = ['CURRENT', 'FUTURE', 'DAY_IN_LIFE'] as const;
const CATEGORIES = ['FINANCIAL', 'PROCESS', 'SUPPORT', 'PRODUCTIVITY', 'OTHER'] as const;

/** A name from any part of Unicode with a character the document's rule counts as visible. */
const name = () =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => VISIBLE_CHARACTER.test(text));
const text = () => fc.string({ unit: 'grapheme', maxLength: 40 });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** Picks made as indices, resolved against lists once they exist. */
const picks = (maxLength: number) => fc.array(fc.nat(), { maxLength });

const organisationShape = fc.record({
  departments: fc.array(name(), { minLength: 1, maxLength: 3 }),
  roles: fc.array(fc.tuple(name(), fc.nat()), { maxLength: 3 }),
  systems: fc.array(fc.tuple(name(), fc.nat()), { maxLength: 3 }),
  processes: fc.array(fc.tuple(name(), fc.nat()), { maxLength: 2 }),
});

const actionShape = fc.record({
  lane: fc.constantFrom(...LANES),
  name: name(),
  description: optional(text()),
  channel: optional(fc.constantFrom(...CHANNELS)),
  touchpoint: optional(name()),
  emotion: optional(fc.integer({ min: -3, max: 3 })),
  role: optional(fc.nat()),
  department: optional(fc.nat()),
  process: optional(fc.nat()),
  systems: picks(2),
  dependsOn: picks(3),
});

const stageShape = fc.record({
  name: name(),
  steps: fc.array(
    fc.record({ name: name(), evidence: optional(fc.array(name(), { maxLength: 2 })), actions: fc.array(actionShape, { minLength: 1, maxLength: 4 }) }),
    { minLength: 1, maxLength: 2 },
  ),
});

const painPointShape = fc.record({
  title: name(),
  description: optional(text()),
  action: fc.nat(),
  causes: picks(2),
  severity: fc.integer({ min: 1, max: 5 }),
  frequency: optional(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true })),
  category: optional(fc.constantFrom(...CATEGORIES)),
});

const documentShape = fc.record({
  name: name(),
  description: optional(text()),
  state: optional(fc.constantFrom(...STATES)),
  persona: optional(fc.record({ name: name(), description: optional(text()) })),
  organisation: organisationShape,
  stages: fc.array(stageShape, { minLength: 1, maxLength: 3 }),
  painPoints: fc.array(painPointShape, { maxLength: 3 }),
});

type Shape = typeof documentShape extends fc.Arbitrary<infer T> ? T : never;

/**
 * Valid documents whose organisation-wide keys start with `orgPrefix`, so a
 * test sees only its own departments; the blueprint key is set by the caller.
 */
export function validDocument(orgPrefix: string): fc.Arbitrary<any> {
  return documentShape.map((shape) => build(shape, orgPrefix));
}

function build(shape: Shape, orgPrefix: string): any {
  const at = <T>(list: T[], index: number): T => list[index % list.length];
  const departments = shape.organisation.departments.map((departmentName, i) => ({ key: `${orgPrefix}-d${i}`, name: departmentName }));
  const entries = (kind: string, list: [string, number][]) =>
    list.map(([entryName, department], i) => ({ key: `${orgPrefix}-${kind}${i}`, name: entryName, department: at(departments, department).key }));
  const roles = entries('r', shape.organisation.roles);
  const systems = entries('s', shape.organisation.systems);
  const processes = entries('p', shape.organisation.processes);

  let actionCount = 0;
  const stages: any[] = shape.stages.map((stage, s) => ({
    key: `stage-${s}`,
    name: stage.name,
    steps: stage.steps.map((step, t) => ({
      key: `step-${s}.${t}`,
      name: step.name,
      ...defined({ evidence: step.evidence }),
      actions: step.actions.map((action) => ({ ...action, key: `a_${actionCount++}` })),
    })),
  }));
  const actionKeys = Array.from({ length: actionCount }, (_, i) => `a_${i}`);
  const distinct = (keys: string[]) => [...new Set(keys)];
  for (const stage of stages) {
    for (const step of stage.steps) {
      step.actions = step.actions.map((raw: any) => {
        const others = actionKeys.filter((key) => key !== raw.key);
        return {
          key: raw.key,
          lane: raw.lane,
          name: raw.name,
          ...defined({
            description: raw.description,
            channel: raw.channel,
            touchpoint: raw.touchpoint,
            emotion: raw.lane === 'CUSTOMER' ? raw.emotion : undefined,
            role: roles.length && raw.role !== undefined ? at(roles, raw.role).key : undefined,
            department: raw.department !== undefined ? at(departments, raw.department).key : undefined,
            process: processes.length && raw.process !== undefined ? at(processes, raw.process).key : undefined,
            systems: systems.length && raw.systems.length ? distinct(raw.systems.map((i: number) => at(systems, i).key)) : undefined,
            dependsOn: others.length && raw.dependsOn.length ? distinct(raw.dependsOn.map((i: number) => at(others, i))) : undefined,
          }),
        };
      });
    }
  }
  const painPoints = shape.painPoints.map((painPoint, p) => ({
    key: `pain-${p}`,
    title: painPoint.title,
    action: at(actionKeys, painPoint.action),
    severity: painPoint.severity,
    ...defined({
      description: painPoint.description,
      causes: painPoint.causes.length ? distinct(painPoint.causes.map((i) => at(actionKeys, i))) : undefined,
      frequency: painPoint.frequency,
      category: painPoint.category,
    }),
  }));
  return {
    name: shape.name,
    ...defined({ description: shape.description, state: shape.state, persona: shape.persona && { ...shape.persona } }),
    departments,
    roles,
    systems,
    processes,
    stages,
    painPoints,
  };
}

/** The object without its undefined fields: a document leaves out what it does not say. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** A broken copy of a document and the path (under `document`) of the rule it breaks. */
export interface Mutation {
  kind: string;
  document: any;
  path: string;
}

type Change = { kind: string; path: string; apply: (document: any) => void };

/** Every way this module knows to break the document once, each with the path where the problem must be reported. */
export function mutations(document: any, missingKey: string): Change[] {
  const changes: Change[] = [];
  const add = (kind: string, path: string, apply: (copy: any) => void) => changes.push({ kind, path: `document${path}`, apply });
  document.stages.forEach((stage: any, s: number) => {
    add('bad key syntax', `.stages[${s}].key`, (copy) => (copy.stages[s].key = `Stage ${s}`));
    add('blank name', `.stages[${s}].name`, (copy) => (copy.stages[s].name = ' \t '));
    stage.steps.forEach((step: any, t: number) => {
      step.actions.forEach((action: any, a: number) => {
        const path = `.stages[${s}].steps[${t}].actions[${a}]`;
        const actionIn = (copy: any) => copy.stages[s].steps[t].actions[a];
        const dependencies = action.dependsOn?.length ?? 0;
        add('dangling dependency', `${path}.dependsOn[${dependencies}]`, (copy) => (actionIn(copy).dependsOn = [...(action.dependsOn ?? []), missingKey]));
        add('self-dependency', `${path}.dependsOn[${dependencies}]`, (copy) => (actionIn(copy).dependsOn = [...(action.dependsOn ?? []), action.key]));
        add('unknown role', `${path}.role`, (copy) => (actionIn(copy).role = missingKey));
        if (action.lane !== 'CUSTOMER') add('emotion off the customer lane', `${path}.emotion`, (copy) => (actionIn(copy).emotion = -1));
        else add('emotion out of range', `${path}.emotion`, (copy) => (actionIn(copy).emotion = 4));
        if (action.systems?.length) {
          add('repeated system', `${path}.systems[${action.systems.length}]`, (copy) => actionIn(copy).systems.push(action.systems[0]));
        }
        if (s + t + a > 0) {
          add('duplicate action key', `${path}.key`, (copy) => (actionIn(copy).key = document.stages[0].steps[0].actions[0].key));
        }
      });
    });
  });
  document.painPoints.forEach((_: any, p: number) => {
    add('severity out of range', `.painPoints[${p}].severity`, (copy) => (copy.painPoints[p].severity = p % 2 ? 6 : 0));
    add('frequency out of range', `.painPoints[${p}].frequency`, (copy) => (copy.painPoints[p].frequency = p % 2 ? 1.5 : 0));
    add('dangling pain point action', `.painPoints[${p}].action`, (copy) => (copy.painPoints[p].action = missingKey));
  });
  add('duplicate department key', `.departments[${document.departments.length}].key`, (copy) => copy.departments.push({ ...document.departments[0] }));
  return changes;
}

/** Applies one of the document's mutations, chosen by `choice`, to a deep copy. */
export function mutate(document: any, choice: number, missingKey: string): Mutation {
  const changes = mutations(document, missingKey);
  const { kind, path, apply } = changes[choice % changes.length];
  const copy = structuredClone(document);
  apply(copy);
  return { kind, document: copy, path };
}
