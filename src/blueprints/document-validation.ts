import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { BadUserInputError, Problem } from '../common/errors';
import { MAX_ACTIONS, MAX_REFERENCES } from '../common/validation-rules';
import { BlueprintDocument } from './dto/blueprint-document';
import { Lane } from './models/enums';

/**
 * Every rule of a blueprint document that needs no database, gathered in one
 * pass with the path of each problem. What only the database can tell (does a
 * referenced department exist?) comes back as `externalReferences`.
 */

export type OrgKind = 'department' | 'role' | 'system' | 'process';

export interface ExternalReference {
  kind: OrgKind;
  key: string;
  path: string;
}

export interface DocumentCheck {
  /** The typed document; set when the shape is right, even if cross rules fail. */
  document?: BlueprintDocument;
  problems: Problem[];
  externalReferences: ExternalReference[];
}

export function checkDocument(raw: unknown, root = 'document'): DocumentCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problems: [{ path: root, message: 'must be an object' }], externalReferences: [] };
  }
  const document = plainToInstance(BlueprintDocument, raw);
  const shapeErrors = validateSync(document, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  const problems = flattenValidationErrors(shapeErrors, root);
  if (problems.length > 0) {
    // Cross rules would only repeat what the broken shape already says.
    return { problems, externalReferences: [] };
  }
  const { problems: ruleProblems, externalReferences } = checkDocumentRules(document, root);
  return { document, problems: ruleProblems, externalReferences };
}

export function flattenValidationErrors(errors: ValidationError[], parentPath: string): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${parentPath}[${error.property}]` : `${parentPath}.${error.property}`;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({ path, message: cleanMessage(message, error.property) });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

function cleanMessage(message: string, property: string): string {
  if (message.startsWith(`property ${property} should not exist`)) return 'is not a field of the document';
  return message.replace(/^nested property \S+ must be either object or array$/, 'must be an object');
}

/** The rules across fields: unique keys, references, lanes, limits. */
export function checkDocumentRules(document: BlueprintDocument, root = 'document'): {
  problems: Problem[];
  externalReferences: ExternalReference[];
} {
  const problems: Problem[] = [];
  const externalReferences: ExternalReference[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  const listed: Record<OrgKind, Set<string>> = {
    department: uniqueKeys(document.departments, `${root}.departments`, 'department', problem),
    role: uniqueKeys(document.roles, `${root}.roles`, 'role', problem),
    system: uniqueKeys(document.systems, `${root}.systems`, 'system', problem),
    process: uniqueKeys(document.processes, `${root}.processes`, 'process', problem),
  };
  let references = 0;
  const reference = (kind: OrgKind, key: string, path: string) => {
    references++;
    if (!listed[kind].has(key)) externalReferences.push({ kind, key, path });
  };

  for (const [list, name] of [
    [document.roles, 'roles'],
    [document.systems, 'systems'],
    [document.processes, 'processes'],
  ] as const) {
    list?.forEach((entry, i) => reference('department', entry.department, `${root}.${name}[${i}].department`));
  }

  const stageKeys = new Set<string>();
  const stepKeys = new Set<string>();
  const actionLanes = new Map<string, Lane>();
  const actionPaths: { path: string; key: string }[] = [];
  document.stages.forEach((stage, s) => {
    const stagePath = `${root}.stages[${s}]`;
    claim(stageKeys, stage.key, `${stagePath}.key`, 'stage', problem);
    stage.steps.forEach((step, t) => {
      const stepPath = `${stagePath}.steps[${t}]`;
      claim(stepKeys, step.key, `${stepPath}.key`, 'step', problem);
      step.actions.forEach((action, a) => {
        const path = `${stepPath}.actions[${a}]`;
        if (actionLanes.has(action.key)) problem(`${path}.key`, `action key "${action.key}" is used twice in the document`);
        else actionLanes.set(action.key, action.lane);
        actionPaths.push({ path, key: action.key });
      });
    });
  });
  if (actionLanes.size > MAX_ACTIONS) {
    problem(`${root}.stages`, `holds ${actionLanes.size} actions; a document holds at most ${MAX_ACTIONS}`);
  }

  const actionReference = (key: string, path: string) => {
    references++;
    if (!actionLanes.has(key)) problem(path, `names no action of this document: "${key}"`);
  };

  document.stages.forEach((stage, s) =>
    stage.steps.forEach((step, t) =>
      step.actions.forEach((action, a) => {
        const path = `${root}.stages[${s}].steps[${t}].actions[${a}]`;
        if (action.emotion != null && action.lane !== Lane.CUSTOMER) {
          problem(`${path}.emotion`, `is only for CUSTOMER actions; this one is ${action.lane}`);
        }
        if (action.role != null) reference('role', action.role, `${path}.role`);
        if (action.department != null) reference('department', action.department, `${path}.department`);
        if (action.process != null) reference('process', action.process, `${path}.process`);
        noRepeats(action.systems, `${path}.systems`, problem).forEach(([key, i]) =>
          reference('system', key, `${path}.systems[${i}]`),
        );
        noRepeats(action.dependsOn, `${path}.dependsOn`, problem).forEach(([key, i]) => {
          if (key === action.key) {
            references++;
            problem(`${path}.dependsOn[${i}]`, 'an action cannot depend on itself');
          } else {
            actionReference(key, `${path}.dependsOn[${i}]`);
          }
        });
      }),
    ),
  );

  const painPointKeys = new Set<string>();
  document.painPoints?.forEach((painPoint, p) => {
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

type AddProblem = (path: string, message: string) => void;

function uniqueKeys(list: { key: string }[] | null | undefined, path: string, what: string, problem: AddProblem): Set<string> {
  const keys = new Set<string>();
  list?.forEach((entry, i) => claim(keys, entry.key, `${path}[${i}].key`, what, problem));
  return keys;
}

function claim(keys: Set<string>, key: string, path: string, what: string, problem: AddProblem): void {
  if (keys.has(key)) problem(path, `${what} key "${key}" is used twice in the document`);
  else keys.add(key);
}

/** The list's keys with their index, each once; a repeat is a problem. */
function noRepeats(list: string[] | null | undefined, path: string, problem: AddProblem): [string, number][] {
  const seen = new Set<string>();
  const out: [string, number][] = [];
  list?.forEach((key, i) => {
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
  const part = plainToInstance(type, value);
  const problems = flattenValidationErrors(validateSync(part, { whitelist: true, forbidNonWhitelisted: true }), root);
  if (problems.length > 0) throw new BadUserInputError(problems);
  return part;
}
