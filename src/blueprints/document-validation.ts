import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, getMetadataStorage, validateSync } from 'class-validator';
import { BadUserInputError, Problem } from '../common/errors';
import { didYouMean } from '../common/nearest-name';
import {
  KEY_MESSAGE,
  MAX_ACTIONS,
  MAX_PAIN_POINTS,
  MAX_REFERENCES,
  MAX_STAGES,
  MAX_STEPS,
  NAME_MESSAGE,
  isKey,
  isNameText,
} from '../common/validation-rules';
import { ActionDocument, BlueprintDocument } from './dto/blueprint-document';
import { ORG_KINDS, ORG_LISTS, OrgKind } from './org-lists';
import { Lane } from './models/enums';

/**
 * Every rule of a blueprint document that needs no database, gathered in one
 * pass with the path of each problem. What only the database can tell (does a
 * referenced department exist?) comes back as `externalReferences`.
 */

export { ORG_KINDS, ORG_LISTS, type OrgKind };

export interface ExternalReference {
  kind: OrgKind;
  key: string;
  path: string;
}

export interface DocumentCheck {
  /** The typed document when the input is an object at all; writable only when `problems` is empty. */
  document?: BlueprintDocument;
  problems: Problem[];
  externalReferences: ExternalReference[];
}

export function checkDocument(raw: unknown, root = 'document'): DocumentCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problems: [{ path: root, message: 'must be an object' }], externalReferences: [] };
  }
  const reserved = reservedKeyProblems(raw, root);
  const document = plainToInstance(BlueprintDocument, raw);
  const shapeErrors = validateSync(document, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  // The cross rules read only the well-formed parts, so both kinds of problem are reported together.
  const rules = checkDocumentRules(document, root);
  return {
    document,
    problems: distinct([...reserved, ...flattenValidationErrors(shapeErrors, root), ...rules.problems]),
    externalReferences: rules.externalReferences,
  };
}

/** Rules checked on every item of a list, reported at the item itself. */
const ITEM_RULES: Record<string, { valid: (item: unknown) => boolean; message: string }> = {
  isKey: { valid: isKey, message: KEY_MESSAGE },
  isName: { valid: isNameText, message: NAME_MESSAGE },
  isObject: { valid: (item) => typeof item === 'object' && item !== null && !Array.isArray(item), message: 'must be an object' },
};

function distinct(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path}\u0000${p.message}`) && !!seen.add(`${p.path}\u0000${p.message}`));
}

/**
 * Keys that object mapping drops silently (`__proto__`, `constructor`), reported as unknown fields.
 * Paths are built only for objects and lists, not for every value of a large document.
 */
function reservedKeyProblems(value: unknown, path: string, problems: Problem[] = []): Problem[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'object' && item !== null) reservedKeyProblems(item, `${path}[${i}]`, problems);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      if (RESERVED_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: 'is not a field of the document' });
      else if (typeof inner === 'object' && inner !== null) reservedKeyProblems(inner, `${path}.${key}`, problems);
    }
  }
  return problems;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function flattenValidationErrors(errors: ValidationError[], parentPath: string): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parentPath}[${error.property}]`
      : parentPath
        ? `${parentPath}.${error.property}`
        : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      const itemRule = ITEM_RULES[rule];
      if (itemRule && message.startsWith('each item')) {
        // A rule on every item of a list; a list that is no list at all is reported by IsArray.
        if (Array.isArray(error.value)) {
          error.value.forEach((item: unknown, i: number) => {
            if (!itemRule.valid(item)) problems.push({ path: `${path}[${i}]`, message: itemRule.message });
          });
        }
      } else {
        problems.push({ path, message: cleanMessage(message, error) });
      }
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

function cleanMessage(message: string, error: ValidationError): string {
  if (message.startsWith(`property ${error.property} should not exist`)) {
    return `is not a field of the document${didYouMean(error.property, fieldsOf(error.target))}`;
  }
  return /nested property \S+ must be either object or array$/.test(message) ? 'must be an object' : message;
}

/** The fields a part of the document may have: those its class gives a rule, as whitelisting reads them. */
function fieldsOf(part: object | undefined): string[] {
  if (!part) return [];
  const rules = getMetadataStorage().getTargetValidationMetadatas(part.constructor, '', true, false);
  return [...new Set(rules.map((rule) => rule.propertyName))];
}

/**
 * The rules across fields: unique keys, references, lanes, limits. Reads the
 * document defensively: parts of the wrong shape (already reported by the
 * field rules) are skipped, and indices stay those of the input.
 */
/**
 * What lies outside a partial document that an edit read (editing/edit-scope.ts): the actions it
 * does not hold that its parts may reference, and how many actions and references the rest holds,
 * for the limits.
 */
export interface OutsideParts {
  actions: ReadonlySet<string>;
  actionCount: number;
  references: number;
}

const NOTHING_OUTSIDE: OutsideParts = { actions: new Set(), actionCount: 0, references: 0 };

export function checkDocumentRules(
  document: BlueprintDocument,
  root = 'document',
  outside: OutsideParts = NOTHING_OUTSIDE,
): {
  problems: Problem[];
  externalReferences: ExternalReference[];
} {
  const problems: Problem[] = [];
  const externalReferences: ExternalReference[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  const listed = Object.fromEntries(
    ORG_KINDS.map((kind) => [kind, uniqueKeys(document[ORG_LISTS[kind]], `${root}.${ORG_LISTS[kind]}`, kind, problem)]),
  ) as Record<OrgKind, Set<string>>;
  let references = outside.references;
  const reference = (kind: OrgKind, key: unknown, path: string) => {
    if (!isKey(key)) return;
    references++;
    if (!listed[kind].has(key)) externalReferences.push({ kind, key, path });
  };

  for (const name of ['roles', 'systems', 'processes'] as const) {
    each(document[name], (entry, i) => reference('department', entry.department, `${root}.${name}[${i}].department`));
  }

  const stageKeys = new Set<string>();
  const stepKeys = new Set<string>();
  const actionKeys = new Set<string>();
  const visitActions = (visit: (action: ActionDocument, path: string) => void) =>
    each(document.stages, (stage, s) =>
      each(stage.steps, (step, t) =>
        each(step.actions, (action, a) => visit(action, `${root}.stages[${s}].steps[${t}].actions[${a}]`)),
      ),
    );

  each(document.stages, (stage, s) => {
    claim(stageKeys, stage.key, `${root}.stages[${s}].key`, 'stage', problem);
    each(stage.steps, (step, t) => claim(stepKeys, step.key, `${root}.stages[${s}].steps[${t}].key`, 'step', problem));
  });
  let actionCount = outside.actionCount;
  visitActions((action, path) => {
    actionCount++;
    claim(actionKeys, action.key, `${path}.key`, 'action', problem);
  });
  let stepCount = 0;
  each(document.stages, (stage) => (stepCount += lengthOf(stage.steps)));
  const counts: [string, string, number, number][] = [
    ['stages', 'stages', lengthOf(document.stages), MAX_STAGES],
    ['stages', 'steps', stepCount, MAX_STEPS],
    ['stages', 'actions', actionCount, MAX_ACTIONS],
    ['painPoints', 'pain points', lengthOf(document.painPoints), MAX_PAIN_POINTS],
  ];
  for (const [list, what, count, max] of counts) {
    if (count > max) problem(`${root}.${list}`, `holds ${count} ${what}; a document holds at most ${max}`);
  }

  const actionReference = (key: unknown, path: string) => {
    if (!isKey(key)) return;
    references++;
    if (!actionKeys.has(key) && !outside.actions.has(key)) problem(path, `names no action of this document: "${key}"${didYouMean(key, actionKeys)}`);
  };

  visitActions((action, path) => {
    if (action.emotion != null && action.lane !== Lane.CUSTOMER && typeof action.lane === 'string') {
      problem(`${path}.emotion`, `is only for CUSTOMER actions; this one is ${action.lane}`);
    }
    if (action.role != null) reference('role', action.role, `${path}.role`);
    if (action.department != null) reference('department', action.department, `${path}.department`);
    if (action.process != null) reference('process', action.process, `${path}.process`);
    noRepeats(action.systems, `${path}.systems`, problem).forEach(([key, i]) => reference('system', key, `${path}.systems[${i}]`));
    noRepeats(action.dependsOn, `${path}.dependsOn`, problem).forEach(([key, i]) => {
      if (key === action.key) {
        references++;
        problem(`${path}.dependsOn[${i}]`, 'an action cannot depend on itself');
      } else {
        actionReference(key, `${path}.dependsOn[${i}]`);
      }
    });
  });

  const painPointKeys = new Set<string>();
  each(document.painPoints, (painPoint, p) => {
    const path = `${root}.painPoints[${p}]`;
    claim(painPointKeys, painPoint.key, `${path}.key`, 'pain point', problem);
    actionReference(painPoint.action, `${path}.action`);
    noRepeats(painPoint.causes, `${path}.causes`, problem).forEach(([key, i]) => actionReference(key, `${path}.causes[${i}]`));
  });

  if (references > MAX_REFERENCES) {
    problem(root, `holds ${references} references; a document holds at most ${MAX_REFERENCES}`);
  }
  return { problems, externalReferences };
}

function lengthOf(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

/** Calls `visit` for the objects of a list, with their index in it; anything else is skipped. */
function each<T>(list: T[] | null | undefined, visit: (item: T, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, index) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) visit(item, index);
  });
}

type AddProblem = (path: string, message: string) => void;

function uniqueKeys(list: { key: string }[] | null | undefined, path: string, what: string, problem: AddProblem): Set<string> {
  const keys = new Set<string>();
  each(list, (entry, i) => claim(keys, entry.key, `${path}[${i}].key`, what, problem));
  return keys;
}

function claim(keys: Set<string>, key: unknown, path: string, what: string, problem: AddProblem): void {
  if (typeof key !== 'string') return;
  if (keys.has(key)) problem(path, `${what} key "${key}" is used twice in the document`);
  else keys.add(key);
}

/** The list's keys with their index, each once; a repeat is a problem. */
function noRepeats(list: string[] | null | undefined, path: string, problem: AddProblem): [string, number][] {
  const seen = new Set<string>();
  const out: [string, number][] = [];
  if (!Array.isArray(list)) return out;
  list.forEach((key, i) => {
    if (typeof key !== 'string') return;
    if (seen.has(key)) problem(`${path}[${i}]`, `repeats "${key}"`);
    else {
      seen.add(key);
      out.push([key, i]);
    }
  });
  return out;
}

/** Checks one part of a document given on its own (a stage, an action...), with paths under `root`. */
export function checkPart<T extends object>(type: ClassConstructor<T>, value: unknown, root: string): T {
  const { part, problems } = partProblems(type, value, root);
  if (problems.length > 0) throw new BadUserInputError(problems);
  return part;
}

/** The part and every problem of it, for callers that add problems of their own before reporting them all. */
export function partProblems<T extends object>(type: ClassConstructor<T>, value: unknown, root: string): { part: T; problems: Problem[] } {
  const part = plainToInstance(type, value);
  return { part, problems: flattenValidationErrors(validateSync(part, { whitelist: true, forbidNonWhitelisted: true }), root) };
}
