import { BadUserInputError, NotFoundError } from '../common/errors';
import {
  ActionDocument,
  BlueprintDocument,
  PainPointDocument,
  StageDocument,
  StepDocument,
} from '../blueprints/dto/blueprint-document';

/**
 * The granular edits a designer's tool makes, as pure changes to a blueprint
 * document. The changed document is then checked by the same rules as an
 * import and written in the same transaction that read it.
 */

type Located<T> = { item: T; list: T[]; index: number };

function locate<T extends { key: string }>(lists: T[][], key: string, what: string, blueprintKey: string): Located<T> {
  for (const list of lists) {
    const index = list.findIndex((item) => item.key === key);
    if (index >= 0) return { item: list[index], list, index };
  }
  throw new NotFoundError(`Blueprint "${blueprintKey}" has no ${what} "${key}"`);
}

const stageOf = (doc: BlueprintDocument, key: string) => locate([doc.stages], key, 'stage', doc.key);
const stepOf = (doc: BlueprintDocument, key: string) => locate(doc.stages.map((s) => s.steps), key, 'step', doc.key);
const actionOf = (doc: BlueprintDocument, key: string) =>
  locate(doc.stages.flatMap((s) => s.steps.map((t) => t.actions)), key, 'action', doc.key);
const painPointOf = (doc: BlueprintDocument, key: string) => locate([doc.painPoints ?? []], key, 'pain point', doc.key);

/** Where a stage, step, action or pain point now sits in the document, as a problem path. */
export function documentPath(doc: BlueprintDocument, kind: 'stage' | 'step' | 'action' | 'painPoint', key: string): string | undefined {
  if (kind === 'painPoint') {
    const p = (doc.painPoints ?? []).findIndex((painPoint) => painPoint.key === key);
    return p < 0 ? undefined : `document.painPoints[${p}]`;
  }
  for (const [s, stage] of doc.stages.entries()) {
    if (kind === 'stage' && stage.key === key) return `document.stages[${s}]`;
    for (const [t, step] of stage.steps.entries()) {
      if (kind === 'step' && step.key === key) return `document.stages[${s}].steps[${t}]`;
      const a = step.actions.findIndex((action) => action.key === key);
      if (kind === 'action' && a >= 0) return `document.stages[${s}].steps[${t}].actions[${a}]`;
    }
  }
  return undefined;
}

/** Inserts at `position` (0-based; the end when absent), rejecting positions outside the list. */
function insertAt<T>(list: T[], item: T, position: number | null | undefined, path: string): void {
  const at = position ?? list.length;
  if (!Number.isInteger(at) || at < 0 || at > list.length) {
    throw new BadUserInputError([{ path, message: `must be from 0 to ${list.length}` }]);
  }
  list.splice(at, 0, item);
}

/** Moves an item out of `from[index]` to `to` at `position`; on a bad position nothing moves. */
function moveItem<T>(from: T[], index: number, to: T[], position: number | null | undefined): void {
  const [item] = from.splice(index, 1);
  try {
    insertAt(to, item, position, 'position');
  } catch (error) {
    from.splice(index, 0, item);
    throw error;
  }
}

function requireFree(found: boolean, what: string, key: string, path: string): void {
  if (found) throw new BadUserInputError([{ path, message: `${what} key "${key}" is already used in this blueprint` }]);
}

/** A part's key with any of its other fields: the fields left out stay, a null clears. */
export type Changes<T extends { key: string }> = Pick<T, 'key'> & { [F in keyof Omit<T, 'key'>]?: T[F] | null };

const REQUIRED_ACTION_FIELDS = ['key', 'lane', 'name'] as const;
const REQUIRED_PAIN_POINT_FIELDS = ['key', 'title', 'action', 'severity'] as const;

/**
 * Applies the fields given: undefined leaves a field, null clears an optional
 * one (a document leaves a cleared field out) and leaves a required one, as
 * updateBlueprint does with its name.
 */
function applyChanges<T extends object>(target: T, changes: { [F in keyof T]?: T[F] | null }, required: readonly (keyof T)[]): void {
  for (const field of Object.keys(changes) as (keyof T)[]) {
    const value = changes[field];
    if (value === undefined || (value === null && required.includes(field))) continue;
    if (value === null) delete target[field];
    else target[field] = value as T[keyof T];
  }
}

const allActions = (doc: BlueprintDocument) => doc.stages.flatMap((s) => s.steps.flatMap((t) => t.actions));
const allSteps = (doc: BlueprintDocument) => doc.stages.flatMap((s) => s.steps);

export function addStage(doc: BlueprintDocument, stage: StageDocument, position?: number | null): void {
  requireFree(doc.stages.some((s) => s.key === stage.key), 'stage', stage.key, 'stage.key');
  insertAt(doc.stages, stage, position, 'position');
}

export function renameStage(doc: BlueprintDocument, key: string, name: string): void {
  stageOf(doc, key).item.name = name;
}

export function moveStage(doc: BlueprintDocument, key: string, position: number): void {
  const { list, index } = stageOf(doc, key);
  moveItem(list, index, list, position);
}

export function removeStage(doc: BlueprintDocument, key: string): void {
  const { list, index, item } = stageOf(doc, key);
  removeActions(doc, item.steps.flatMap((t) => t.actions.map((a) => a.key)));
  list.splice(index, 1);
}

export function addStep(doc: BlueprintDocument, stageKey: string, step: StepDocument, position?: number | null): void {
  const stage = stageOf(doc, stageKey).item;
  requireFree(allSteps(doc).some((t) => t.key === step.key), 'step', step.key, 'step.key');
  insertAt(stage.steps, step, position, 'position');
}

/** Changes a step's name when given (not null) and its evidence when given (null removes it). */
export function updateStep(doc: BlueprintDocument, key: string, name?: string | null, evidence?: string[] | null): void {
  const step = stepOf(doc, key).item;
  applyChanges(step, { name, evidence }, ['name']);
}

export function moveStep(doc: BlueprintDocument, key: string, stageKey: string, position?: number | null): void {
  const target = stageOf(doc, stageKey).item;
  const { list, index } = stepOf(doc, key);
  moveItem(list, index, target.steps, position);
}

export function removeStep(doc: BlueprintDocument, key: string): void {
  const { list, index, item } = stepOf(doc, key);
  removeActions(doc, item.actions.map((a) => a.key));
  list.splice(index, 1);
}

export function addAction(doc: BlueprintDocument, stepKey: string, action: ActionDocument, position?: number | null): void {
  const step = stepOf(doc, stepKey).item;
  requireFree(allActions(doc).some((a) => a.key === action.key), 'action', action.key, 'action.key');
  insertAt(step.actions, action, position, 'position');
}

/** Changes the fields given of the action of the same key, keeping its place. */
export function updateAction(doc: BlueprintDocument, changes: Changes<ActionDocument>): void {
  applyChanges(actionOf(doc, changes.key).item, changes, REQUIRED_ACTION_FIELDS);
}

export function moveAction(doc: BlueprintDocument, key: string, stepKey: string, position?: number | null): void {
  const target = stepOf(doc, stepKey).item;
  const { list, index } = actionOf(doc, key);
  moveItem(list, index, target.actions, position);
}

export function removeAction(doc: BlueprintDocument, key: string): void {
  actionOf(doc, key);
  removeActions(doc, [key]);
}

export function addDependency(doc: BlueprintDocument, from: string, to: string): void {
  if (from === to) throw new BadUserInputError([{ path: 'to', message: 'an action cannot depend on itself' }]);
  const action = actionOf(doc, from).item;
  actionOf(doc, to);
  const dependsOn = action.dependsOn ?? [];
  if (dependsOn.includes(to)) {
    throw new BadUserInputError([{ path: 'to', message: `"${from}" already depends on "${to}"` }]);
  }
  action.dependsOn = [...dependsOn, to];
}

export function removeDependency(doc: BlueprintDocument, from: string, to: string): void {
  const action = actionOf(doc, from).item;
  if (!(action.dependsOn ?? []).includes(to)) {
    throw new NotFoundError(`Action "${from}" of blueprint "${doc.key}" does not depend on "${to}"`);
  }
  action.dependsOn = (action.dependsOn ?? []).filter((key) => key !== to);
}

export function addPainPoint(doc: BlueprintDocument, painPoint: PainPointDocument): void {
  const painPoints = (doc.painPoints ??= []);
  requireFree(painPoints.some((p) => p.key === painPoint.key), 'pain point', painPoint.key, 'painPoint.key');
  painPoints.push(painPoint);
}

/** Changes the fields given of the pain point of the same key, keeping its place. */
export function updatePainPoint(doc: BlueprintDocument, changes: Changes<PainPointDocument>): void {
  applyChanges(painPointOf(doc, changes.key).item, changes, REQUIRED_PAIN_POINT_FIELDS);
}

export function removePainPoint(doc: BlueprintDocument, key: string): void {
  const { list, index } = painPointOf(doc, key);
  list.splice(index, 1);
}

/**
 * Removing actions takes their arrows and their mentions as causes with them;
 * a pain point that occurs at one of them must be moved or removed first.
 */
function removeActions(doc: BlueprintDocument, keys: string[]): void {
  const gone = new Set(keys);
  const stranded = (doc.painPoints ?? []).filter((p) => gone.has(p.action));
  if (stranded.length > 0) {
    throw new BadUserInputError(
      stranded.map((p) => ({
        path: 'key',
        message: `pain point "${p.key}" occurs at action "${p.action}"; move it to another action or remove it first`,
      })),
    );
  }
  for (const stage of doc.stages) {
    for (const step of stage.steps) {
      step.actions = step.actions.filter((a) => !gone.has(a.key));
      for (const action of step.actions) {
        if (action.dependsOn) action.dependsOn = action.dependsOn.filter((key) => !gone.has(key));
      }
    }
  }
  for (const painPoint of doc.painPoints ?? []) {
    if (painPoint.causes) painPoint.causes = painPoint.causes.filter((key) => !gone.has(key));
  }
}
