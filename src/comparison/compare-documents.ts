import { documentToBlueprint } from '../blueprints/blueprint-assembly';
import { canonicalDocument } from '../blueprints/canonical-document';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { compareKeys } from '../common/compare-keys';
import { DEFAULT_FLOW_PARAMS } from '../analysis/blame-flow';
import { BlueprintFlow, departmentsOf, flowOf } from '../analysis/flow-model';
import { blueprintHandoffs, departmentDependencies, rootCauseReport } from '../analysis/root-causes';
import {
  BlueprintComparison,
  ChangeKind,
  DependencyChange,
  DepartmentScoreChange,
  ElementChange,
  HandoffChange,
} from './models/comparison.models';

/**
 * What differs between two blueprint documents (a current state and its
 * future state, or two versions of one), by docs/domain.md ("Comparing two
 * blueprints"): elements matched by key, dependencies as pairs, and each
 * side's blame and handoffs under the default parameters. Pure: the same
 * code compares stored blueprints, versions and files.
 */

/** The comparison without what names its two sides. */
export type DocumentComparison = Omit<BlueprintComparison, 'from' | 'to' | 'fromVersion' | 'toVersion'>;

/** Fields compared as sets: their order carries no meaning for the figures. */
const SET_FIELDS = new Set(['systems', 'dependsOn', 'causes', 'evidence']);

/** Scores closer than this are the same: the two sides may add the same masses in another order. */
const SCORE_TOLERANCE = 1e-9;

type Fields = Record<string, unknown>;

/** Every element of a kind by key, with its document fields (and its parent's key). */
function elements(document: BlueprintDocument) {
  const stages = new Map<string, Fields>();
  const steps = new Map<string, Fields>();
  const actions = new Map<string, Fields>();
  for (const { steps: stageSteps, key: stageKey, ...stage } of document.stages) {
    stages.set(stageKey, stage);
    for (const { actions: stepActions, key: stepKey, ...step } of stageSteps) {
      steps.set(stepKey, { ...step, stage: stageKey });
      for (const { key, ...action } of stepActions) actions.set(key, { ...action, step: stepKey });
    }
  }
  const painPoints = new Map<string, Fields>((document.painPoints ?? []).map(({ key, ...painPoint }) => [key, painPoint]));
  return { stages, steps, actions, painPoints };
}

const sameValue = (field: string, a: unknown, b: unknown) =>
  SET_FIELDS.has(field)
    ? JSON.stringify([...new Set(a as string[])].sort()) === JSON.stringify([...new Set(b as string[])].sort())
    : JSON.stringify(a) === JSON.stringify(b);

export function elementChanges(before: Map<string, Fields>, after: Map<string, Fields>): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const [key, fields] of after) {
    const old = before.get(key);
    if (!old) {
      changes.push({ key, change: ChangeKind.ADDED, fields: [] });
      continue;
    }
    const names = [...new Set([...Object.keys(old), ...Object.keys(fields)])];
    const differing = names.filter((name) => !sameValue(name, old[name], fields[name])).sort(compareKeys);
    if (differing.length > 0) changes.push({ key, change: ChangeKind.CHANGED, fields: differing });
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push({ key, change: ChangeKind.REMOVED, fields: [] });
  return changes.sort((a, b) => compareKeys(a.key, b.key));
}

function dependencyPairs(actions: Map<string, Fields>): Set<string> {
  const pairs = new Set<string>();
  for (const [key, action] of actions) for (const to of (action.dependsOn as string[]) ?? []) pairs.add(JSON.stringify([key, to]));
  return pairs;
}

function dependencyChanges(before: Map<string, Fields>, after: Map<string, Fields>): DependencyChange[] {
  const [old, now] = [dependencyPairs(before), dependencyPairs(after)];
  const changes: DependencyChange[] = [];
  const add = (pairs: Set<string>, other: Set<string>, change: ChangeKind) => {
    for (const pair of pairs) {
      if (other.has(pair)) continue;
      const [from, to] = JSON.parse(pair) as [string, string];
      changes.push({ from, to, change });
    }
  };
  add(now, old, ChangeKind.ADDED);
  add(old, now, ChangeKind.REMOVED);
  return changes.sort((a, b) => compareKeys(a.from, b.from) || compareKeys(a.to, b.to));
}

/** One side's figures: department scores, handoff counts by ordered pair, the departments by key, total impact. */
async function figures(document: BlueprintDocument) {
  const flow: BlueprintFlow = flowOf(documentToBlueprint(document));
  const report = await rootCauseReport(
    flow.painPoints.map((painPoint) => ({ painPoint, flow })),
    DEFAULT_FLOW_PARAMS,
  );
  const departments = departmentsOf([flow]);
  const scores = new Map(report.departments.map((row) => [row.department.key, row.score]));
  const handoffs = new Map<string, number>();
  for (const dependency of departmentDependencies([await blueprintHandoffs({ flow, edges: flow.graph }, departments)])) {
    handoffs.set(JSON.stringify([dependency.from.key, dependency.to.key]), dependency.handoffs);
  }
  return { departments, scores, handoffs, totalImpact: report.totalImpact };
}

const differs = (a: number, b: number) => Math.abs(a - b) > SCORE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** Compares two documents; each must list every organisation entry it references (as exports do). */
export async function compareDocuments(fromDocument: BlueprintDocument, toDocument: BlueprintDocument): Promise<DocumentComparison> {
  const [from, to] = [canonicalDocument(fromDocument) as BlueprintDocument, canonicalDocument(toDocument) as BlueprintDocument];
  const [before, after] = [elements(from), elements(to)];
  const [old, now] = [await figures(from), await figures(to)];
  const department = (key: string) => (now.departments.get(key) ?? old.departments.get(key))!;

  const departments: DepartmentScoreChange[] = [...new Set([...old.scores.keys(), ...now.scores.keys()])]
    .map((key) => ({ department: department(key), before: old.scores.get(key) ?? 0, after: now.scores.get(key) ?? 0 }))
    .filter((row) => differs(row.before, row.after))
    .sort((a, b) => a.after - a.before - (b.after - b.before) || compareKeys(a.department.key, b.department.key));

  const handoffs: HandoffChange[] = [...new Set([...old.handoffs.keys(), ...now.handoffs.keys()])]
    .map((pair) => {
      const [fromKey, toKey] = JSON.parse(pair) as [string, string];
      return { from: department(fromKey), to: department(toKey), before: old.handoffs.get(pair) ?? 0, after: now.handoffs.get(pair) ?? 0 };
    })
    .filter((row) => row.before !== row.after)
    .sort((a, b) => compareKeys(a.from.key, b.from.key) || compareKeys(a.to.key, b.to.key));

  const ownFields = (document: BlueprintDocument): Fields => ({
    name: document.name,
    description: document.description,
    state: document.state,
    persona: document.persona,
  });
  const properties = Object.keys(ownFields(from)).filter((name) => !sameValue(name, ownFields(from)[name], ownFields(to)[name]));

  return {
    properties: properties.sort(compareKeys),
    stages: elementChanges(before.stages, after.stages),
    steps: elementChanges(before.steps, after.steps),
    actions: elementChanges(before.actions, after.actions),
    painPoints: elementChanges(before.painPoints, after.painPoints),
    dependencies: dependencyChanges(before.actions, after.actions),
    departments,
    handoffs,
    totalImpactBefore: old.totalImpact,
    totalImpactAfter: now.totalImpact,
  };
}

/** Whether the comparison found anything that differs (what `blueprint diff` exits 1 on). */
export function anyDifference(comparison: DocumentComparison): boolean {
  const { properties, stages, steps, actions, painPoints, dependencies, departments, handoffs } = comparison;
  return [properties, stages, steps, actions, painPoints, dependencies, departments, handoffs].some((list) => list.length > 0);
}
