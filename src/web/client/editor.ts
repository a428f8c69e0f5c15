/// <reference lib="dom" />
/**
 * Editing a blueprint where it is drawn. Every edit is one editing mutation
 * made against the version the page shows (`expectedVersion`); the page then
 * redraws from the new state (and so does every other page looking, through
 * blueprintChanged). Undo and redo restore the version before or after an
 * edit of this session, against the version shown, so that they never undo
 * someone else's change unseen.
 */
import { DialogSpec, Field, Option, Values, openDialog } from './dialog';
import { GraphQL, GraphQLRequestError, SVG_NS, byId, cardName, el } from './dom';
import { keyFromName as keyFrom } from '../key-from-name';
import { sameValue } from '../../common/same-value';
import { Picture } from './picture';

const DOCUMENT = `
query Document($key: String!) {
  exportBlueprint(key: $key) {
    key name
    stages { key name steps { key name evidence actions {
      key lane name description channel touchpoint emotion role department process systems dependsOn } } }
    painPoints { key title description action causes severity frequency category }
  }
  departments { key name }
  roles { key name department { key name } }
  systems { key name department { key name } }
  processes { key name department { key name } }
}`;

const VERSIONS = 'query Versions($key: String!) { blueprintVersions(key: $key) { version operation author } }';
const RESTORE = 'mutation Restore($key: String!, $version: Int!, $expectedVersion: Int) { restoreBlueprint(key: $key, version: $version, expectedVersion: $expectedVersion) { version } }';

/** The User Timing measure of each edit, from its request until the page shows the version it made. */
export const EDIT_TO_REDRAW = 'edit to redraw';

/** The editing mutations, each answering the version it made. */
const EDITS = {
  addStage: 'mutation($b: String!, $v: Int, $stage: StageInput!) { addStage(blueprintKey: $b, expectedVersion: $v, stage: $stage) { version } }',
  renameStage: 'mutation($b: String!, $v: Int, $k: String!, $n: String!) { renameStage(blueprintKey: $b, expectedVersion: $v, key: $k, name: $n) { version } }',
  moveStage: 'mutation($b: String!, $v: Int, $k: String!, $p: Int!) { moveStage(blueprintKey: $b, expectedVersion: $v, key: $k, position: $p) { version } }',
  removeStage: 'mutation($b: String!, $v: Int, $k: String!) { removeStage(blueprintKey: $b, expectedVersion: $v, key: $k) { version } }',
  addStep: 'mutation($b: String!, $v: Int, $s: String!, $step: StepInput!) { addStep(blueprintKey: $b, expectedVersion: $v, stageKey: $s, step: $step) { version } }',
  updateStep:
    'mutation($b: String!, $v: Int, $k: String!, $n: String!, $e: [String!]) { updateStep(blueprintKey: $b, expectedVersion: $v, key: $k, name: $n, evidence: $e) { version } }',
  moveStep:
    'mutation($b: String!, $v: Int, $k: String!, $s: String!, $p: Int) { moveStep(blueprintKey: $b, expectedVersion: $v, key: $k, stageKey: $s, position: $p) { version } }',
  removeStep: 'mutation($b: String!, $v: Int, $k: String!) { removeStep(blueprintKey: $b, expectedVersion: $v, key: $k) { version } }',
  addAction: 'mutation($b: String!, $v: Int, $s: String!, $a: ActionInput!) { addAction(blueprintKey: $b, expectedVersion: $v, stepKey: $s, action: $a) { version } }',
  updateAction: 'mutation($b: String!, $v: Int, $a: ActionChangesInput!) { updateAction(blueprintKey: $b, expectedVersion: $v, action: $a) { version } }',
  moveAction: 'mutation($b: String!, $v: Int, $k: String!, $s: String!) { moveAction(blueprintKey: $b, expectedVersion: $v, key: $k, stepKey: $s) { version } }',
  removeAction: 'mutation($b: String!, $v: Int, $k: String!) { removeAction(blueprintKey: $b, expectedVersion: $v, key: $k) { version } }',
  addDependency: 'mutation($b: String!, $v: Int, $f: String!, $t: String!) { addDependency(blueprintKey: $b, expectedVersion: $v, from: $f, to: $t) { version } }',
  removeDependency:
    'mutation($b: String!, $v: Int, $f: String!, $t: String!) { removeDependency(blueprintKey: $b, expectedVersion: $v, from: $f, to: $t) { version } }',
  addPainPoint: 'mutation($b: String!, $v: Int, $p: PainPointInput!) { addPainPoint(blueprintKey: $b, expectedVersion: $v, painPoint: $p) { version } }',
  updatePainPoint: 'mutation($b: String!, $v: Int, $p: PainPointChangesInput!) { updatePainPoint(blueprintKey: $b, expectedVersion: $v, painPoint: $p) { version } }',
  removePainPoint: 'mutation($b: String!, $v: Int, $k: String!) { removePainPoint(blueprintKey: $b, expectedVersion: $v, key: $k) { version } }',
  upsertDepartment: 'mutation($d: DepartmentInput!) { upsertDepartment(department: $d) { key } }',
  upsertRole: 'mutation($r: RoleInput!) { upsertRole(role: $r) { key } }',
  upsertSystem: 'mutation($s: SystemInput!) { upsertSystem(system: $s) { key } }',
  upsertProcess: 'mutation($p: ProcessInput!) { upsertProcess(process: $p) { key } }',
} as const;
type EditName = Exclude<keyof typeof EDITS, 'upsertDepartment' | 'upsertRole' | 'upsertSystem' | 'upsertProcess'>;

const LANES: Option[] = [
  { value: 'CUSTOMER', label: 'Customer' },
  { value: 'FRONTSTAGE', label: 'Frontstage' },
  { value: 'BACKSTAGE', label: 'Backstage' },
  { value: 'SUPPORT', label: 'Support' },
];
const CHANNELS = ['CHAT', 'EMAIL', 'IN_PERSON', 'MAIL', 'MOBILE_APP', 'OTHER', 'PHONE', 'SOCIAL', 'WEB'];
const CATEGORIES = ['FINANCIAL', 'OTHER', 'PROCESS', 'PRODUCTIVITY', 'SUPPORT'];
const NONE: Option = { value: '', label: '(none)' };
const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

interface ActionDoc {
  key: string;
  lane: string;
  name: string;
  description: string | null;
  channel: string | null;
  touchpoint: string | null;
  emotion: number | null;
  role: string | null;
  department: string | null;
  process: string | null;
  systems: string[];
  dependsOn: string[];
}
interface StepDoc {
  key: string;
  name: string;
  evidence: string[];
  actions: ActionDoc[];
}
interface StageDoc {
  key: string;
  name: string;
  steps: StepDoc[];
}
interface PainDoc {
  key: string;
  title: string;
  description: string | null;
  action: string;
  causes: string[];
  severity: number;
  frequency: number | null;
  category: string | null;
}
interface Entry {
  key: string;
  name: string;
  department?: { key: string; name: string };
}
interface Loaded {
  document: { key: string; name: string; stages: StageDoc[]; painPoints: PainDoc[] };
  departments: Entry[];
  roles: Entry[];
  systems: Entry[];
  processes: Entry[];
}

export interface EditorContext {
  key: string;
  picture: Picture;
  graphql: GraphQL;
  showStatus(message: string, error?: boolean): void;
  /** The version the page shows: every edit is made against it. */
  version(): number;
  /** Draws the blueprint as it now is (after an edit of this page; others' come by subscription). */
  redraw(version: number): Promise<void>;
}

export function setupEditor(context: EditorContext): void {
  const toggle = byId<HTMLButtonElement>('edit-toggle');
  const editingOnly = document.querySelector<HTMLElement>('#edit-bar .editing-only')!;
  const undoButton = byId<HTMLButtonElement>('undo');
  const redoButton = byId<HTMLButtonElement>('redo');
  let editing = false;
  let choosing: ((card: string) => void) | null = null;
  const undoStack: { label: string; to: number; made: number }[] = [];
  const redoStack: { label: string; to: number; made: number }[] = [];
  let loaded: { version: number; data: Loaded } | null = null;

  const load = async (): Promise<Loaded> => {
    const version = context.version();
    if (loaded?.version === version) return loaded.data;
    const result = await context.graphql<Omit<Loaded, 'document'> & { exportBlueprint: Loaded['document'] }>(DOCUMENT, { key: context.key });
    const data = { ...result, document: result.exportBlueprint };
    loaded = { version, data };
    return data;
  };
  const allActions = (data: Loaded) => data.document.stages.flatMap((s) => s.steps.flatMap((t) => t.actions.map((a) => ({ action: a, step: t }))));
  const allSteps = (data: Loaded) => data.document.stages.flatMap((s) => s.steps.map((step) => ({ step, stage: s })));
  const painKeys = (data: Loaded) => new Set(data.document.painPoints.map((p) => p.key));

  const syncUndo = () => {
    undoButton.disabled = undoStack.length === 0;
    redoButton.disabled = redoStack.length === 0;
    undoButton.title = undoStack.length ? `Undo ${undoStack[undoStack.length - 1].label}` : '';
    redoButton.title = redoStack.length ? `Redo ${redoStack[redoStack.length - 1].label}` : '';
  };

  /**
   * The version an open dialog's edit is made against: the one shown when it opened, so that a change by
   * someone else meanwhile is a CONFLICT, explained, not overwritten; after that the current one.
   */
  let basis: number | null = null;

  /** Runs one editing mutation against the basis (or the version shown), records it for undo, and redraws. */
  const edit = async (name: EditName, variables: Record<string, unknown>, label: string): Promise<void> => {
    const before = basis ?? context.version();
    // From the edit's request to its grid on the page, as a User Timing measure (DevTools shows it; the browser test reports it).
    const started = performance.now();
    const result = await context.graphql<Record<string, { version: number }>>(EDITS[name], { b: context.key, v: before, ...variables });
    const made = result[Object.keys(result)[0]].version;
    if (basis !== null) basis = made;
    if (made !== before) {
      undoStack.push({ label, to: before, made });
      redoStack.length = 0;
      syncUndo();
    }
    context.showStatus(made === before ? `${label}: nothing changed` : `${label}: version ${made}`);
    await context.redraw(made);
    performance.measure(EDIT_TO_REDRAW, { start: started, detail: { version: made } });
  };

  /** Who changed the blueprint since the version shown, for a refused edit. */
  const explainConflict = async (error: GraphQLRequestError): Promise<string> => {
    const since = basis ?? context.version();
    const current = error.errors[0]?.extensions?.currentVersion;
    if (typeof current === 'number') basis = current;
    const { blueprintVersions } = await context
      .graphql<{ blueprintVersions: { version: number; operation: string; author: string | null }[] }>(VERSIONS, { key: context.key })
      .catch(() => ({ blueprintVersions: [] }));
    const changes = blueprintVersions
      .filter((v) => v.version > since)
      .reverse()
      .map((v) => `version ${v.version}: ${v.operation}${v.author ? ` by ${v.author}` : ''}`);
    return (
      `Someone else changed this blueprint (it is now at version ${current ?? '?'}; ${changes.join(', ') || 'see the history'}). ` +
      'The picture shows their change; your input is kept: Save again to apply it to the current version.'
    );
  };

  const dialog = async (spec: DialogSpec) => {
    basis = context.version();
    try {
      return await openDialog({ explainConflict, ...spec });
    } finally {
      basis = null;
    }
  };

  /**
   * Undo (or redo) restores the version before the edit, against the version the edit made: if
   * anyone else has changed the blueprint since, the restore is refused rather than taking their
   * change back too. A restore makes a new version with the content of an older one, so entries
   * that stood on that older version stand on the new one from then on.
   */
  const restore = async (entry: { label: string; to: number; made: number }, direction: 'Undo' | 'Redo') => {
    try {
      const { restoreBlueprint } = await context.graphql<{ restoreBlueprint: { version: number } }>(RESTORE, {
        key: context.key,
        version: entry.to,
        expectedVersion: entry.made,
      });
      const made = restoreBlueprint.version;
      for (const other of [...undoStack, ...redoStack]) if (other.made === entry.to) other.made = made;
      (direction === 'Undo' ? redoStack : undoStack).push({ label: entry.label, to: entry.made, made });
      context.showStatus(`${direction}: ${entry.label} (version ${made})`);
      await context.redraw(made);
    } catch (error) {
      (direction === 'Undo' ? undoStack : redoStack).push(entry);
      const conflict = error instanceof GraphQLRequestError && error.code === 'CONFLICT';
      context.showStatus(
        conflict
          ? `Cannot ${direction.toLowerCase()} "${entry.label}": someone else changed the blueprint since; ${direction.toLowerCase()} would take their change too.`
          : (error as Error).message,
        true,
      );
    }
    syncUndo();
  };
  const undo = () => {
    const entry = undoStack.pop();
    if (entry) void restore(entry, 'Undo');
  };
  const redo = () => {
    const entry = redoStack.pop();
    if (entry) void restore(entry, 'Redo');
  };
  undoButton.addEventListener('click', undo);
  redoButton.addEventListener('click', redo);

  // --- organisation entries made on the spot ------------------------------------------

  const entryOptions = (entries: Entry[]): Option[] => [
    NONE,
    ...entries.map((e) => ({ value: e.key, label: e.department ? `${e.name} (${e.department.name})` : e.name })),
  ];
  const addOption = (select: HTMLSelectElement, key: string, label: string) => {
    const option = el('option', { value: key }, label);
    select.append(option);
    option.selected = true;
  };
  const newEntry = (kind: 'department' | 'role' | 'system' | 'process') => async (select: HTMLSelectElement) => {
    const data = await load();
    const noun = { department: 'department', role: 'role', system: 'system', process: 'process' }[kind];
    const list = { department: data.departments, role: data.roles, system: data.systems, process: data.processes }[kind];
    const taken = new Set(list.map((e) => e.key));
    const fields: Field[] = [
      { name: 'name', label: 'Name', required: true },
      { name: 'key', label: 'Key', path: `${kind}.key`, keyFrom: 'name', taken },
    ];
    if (kind !== 'department') fields.push({ name: 'department', label: 'Department', kind: 'select', options: entryOptions(data.departments).slice(1) });
    // Its own form over the action's: an organisation entry, outside the blueprint's versions.
    await openDialog({
      title: `New ${noun}`,
      root: kind,
      fields,
      saveLabel: 'Save',
      save: async (values) => {
        const key = (values.key as string) || keyFrom(values.name as string, taken);
        const input = { key, name: values.name, ...(kind === 'department' ? {} : { department: values.department }) };
        const mutation = { department: 'upsertDepartment', role: 'upsertRole', system: 'upsertSystem', process: 'upsertProcess' }[kind] as keyof typeof EDITS;
        const variable = { department: 'd', role: 'r', system: 's', process: 'p' }[kind];
        await context.graphql(EDITS[mutation], { [variable]: input });
        loaded = null;
        addOption(select, key, values.name as string);
      },
    });
  };

  // --- stages and steps ----------------------------------------------------------------

  const addStage = async () => {
    const data = await load();
    const stageKeys = new Set(data.document.stages.map((s) => s.key));
    const stepKeys = new Set(allSteps(data).map(({ step }) => step.key));
    await dialog({
      title: 'Add stage',
      root: 'stage',
      intro: ['A stage shows on the grid with its steps: name its first step too.'],
      fields: [
        { name: 'name', label: 'Name', required: true },
        { name: 'key', label: 'Key', keyFrom: 'name', taken: stageKeys },
        { name: 'step', label: 'First step', required: true, path: 'stage.steps[0].name' },
        { name: 'stepKey', label: 'First step key', keyFrom: 'step', taken: stepKeys, path: 'stage.steps[0].key' },
      ],
      save: async (values) => {
        const name = values.name as string;
        const stage = {
          key: (values.key as string) || keyFrom(name, stageKeys),
          name,
          steps: [{ key: (values.stepKey as string) || keyFrom(values.step as string, stepKeys), name: values.step, actions: [] }],
        };
        await edit('addStage', { stage }, `add stage “${name}”`);
      },
    });
  };

  const editStage = async (stageKey: string) => {
    const data = await load();
    const index = data.document.stages.findIndex((s) => s.key === stageKey);
    const stage = data.document.stages[index];
    if (!stage) return;
    const actions = stage.steps.flatMap((t) => t.actions);
    await dialog({
      title: `Stage “${stage.name}”`,
      root: 'stage',
      fields: [
        { name: 'name', label: 'Name', value: stage.name, required: true, path: 'name' },
        { name: 'position', label: 'Position', kind: 'number', value: index + 1, min: 1, max: data.document.stages.length, path: 'position' },
      ],
      save: async (values) => {
        if (values.name !== stage.name) await edit('renameStage', { k: stage.key, n: values.name }, `rename stage “${stage.name}”`);
        const position = Number(values.position) - 1;
        if (position !== index) await edit('moveStage', { k: stage.key, p: position }, `move stage “${stage.name}”`);
      },
      remove: {
        confirm: `Delete the stage “${stage.name}” with its ${count(stage.steps.length, 'step')} and ${count(actions.length, 'action')}, and the dependencies on them?`,
        blockedBy: blockedRemoval(data, actions.map((a) => a.key), 'stage'),
        run: () => edit('removeStage', { k: stage.key }, `delete stage “${stage.name}”`),
      },
    });
  };

  const addStep = async (stageKey: string) => {
    const data = await load();
    const stepKeys = new Set(allSteps(data).map(({ step }) => step.key));
    await dialog({
      title: 'Add step',
      root: 'step',
      fields: [
        { name: 'name', label: 'Name', required: true },
        { name: 'key', label: 'Key', keyFrom: 'name', taken: stepKeys },
        { name: 'evidence', label: 'Evidence (one per line)', kind: 'lines' },
      ],
      save: async (values) => {
        const name = values.name as string;
        const step = { key: (values.key as string) || keyFrom(name, stepKeys), name, evidence: values.evidence, actions: [] };
        await edit('addStep', { s: stageKey, step }, `add step “${name}”`);
      },
    });
  };

  const editStep = async (stepKey: string) => {
    const data = await load();
    const found = allSteps(data).find(({ step }) => step.key === stepKey);
    if (!found) return;
    const { step, stage } = found;
    const index = stage.steps.findIndex((t) => t.key === step.key);
    await dialog({
      title: `Step “${step.name}”`,
      fields: [
        { name: 'name', label: 'Name', value: step.name, required: true },
        { name: 'evidence', label: 'Evidence (one per line)', kind: 'lines', value: step.evidence },
        { name: 'stage', label: 'Stage', kind: 'select', value: stage.key, options: data.document.stages.map((s) => ({ value: s.key, label: s.name })) },
        { name: 'position', label: 'Position in its stage', kind: 'number', value: index + 1, min: 1, step: 1, path: 'position' },
      ],
      save: async (values) => {
        const evidence = values.evidence as string[];
        if (values.name !== step.name || evidence.join('\n') !== step.evidence.join('\n')) {
          await edit('updateStep', { k: step.key, n: values.name, e: evidence }, `change step “${step.name}”`);
        }
        const position = Number(values.position) - 1;
        if (values.stage !== stage.key || position !== index) {
          await edit('moveStep', { k: step.key, s: values.stage, p: position }, `move step “${step.name}”`);
        }
      },
      remove: {
        confirm: `Delete the step “${step.name}” with its ${count(step.actions.length, 'action')} and the dependencies on them?`,
        blockedBy: blockedRemoval(data, step.actions.map((a) => a.key), 'step'),
        run: () => edit('removeStep', { k: step.key }, `delete step “${step.name}”`),
      },
    });
  };

  // --- actions -------------------------------------------------------------------------

  /** A field choosing organisation entries, with a button that makes a new one on the spot. */
  const entryField = (kind: 'role' | 'department' | 'process' | 'systems', label: string, value: string | string[], entries: Entry[]): Field => {
    const many = kind === 'systems';
    return {
      name: kind,
      label,
      kind: many ? 'multiselect' : 'select',
      value,
      options: many ? entryOptions(entries).slice(1) : entryOptions(entries),
      searchable: true,
      extra: { label: `New ${many ? 'system' : kind}`, run: newEntry(many ? 'system' : kind) },
    };
  };
  const actionFields = (data: Loaded, action: Partial<ActionDoc>, stepKey: string): Field[] => [
    { name: 'name', label: 'Name', value: action.name ?? '', required: true },
    ...(action.key ? [] : [{ name: 'key', label: 'Key', keyFrom: 'name', taken: new Set(allActions(data).map(({ action: a }) => a.key)) } as Field]),
    { name: 'lane', label: 'Lane', kind: 'select', value: action.lane ?? 'CUSTOMER', options: LANES },
    {
      name: 'step',
      label: 'Step',
      kind: 'select',
      value: stepKey,
      options: allSteps(data).map(({ step, stage }) => ({ value: step.key, label: `${stage.name} · ${step.name}` })),
      path: 'stepKey',
    },
    { name: 'description', label: 'Description', kind: 'textarea', value: action.description ?? '' },
    { name: 'channel', label: 'Channel', kind: 'select', value: action.channel ?? '', options: [NONE, ...CHANNELS.map((c) => ({ value: c, label: words(c) }))] },
    { name: 'touchpoint', label: 'Touchpoint', value: action.touchpoint ?? '' },
    { name: 'emotion', label: 'Emotion', kind: 'number', value: action.emotion ?? '', min: -3, max: 3, step: 1 },
    entryField('role', 'Role', action.role ?? '', data.roles),
    entryField('department', 'Department', action.department ?? '', data.departments),
    entryField('process', 'Process', action.process ?? '', data.processes),
    entryField('systems', 'Systems', action.systems ?? [], data.systems),
  ];
  const actionInput = (key: string, values: Values, dependsOn: string[]) => ({
    key,
    lane: values.lane,
    name: values.name,
    description: values.description || null,
    channel: values.channel || null,
    touchpoint: values.touchpoint || null,
    emotion: values.emotion === '' ? null : Number(values.emotion),
    role: values.role || null,
    department: values.department || null,
    process: values.process || null,
    systems: values.systems,
    dependsOn,
  });

  const addAction = async (stepKey: string) => {
    const data = await load();
    const taken = new Set(allActions(data).map(({ action }) => action.key));
    await dialog({
      title: 'Add action',
      root: 'action',
      fields: actionFields(data, {}, stepKey),
      save: async (values) => {
        const key = (values.key as string) || keyFrom(values.name as string, taken);
        await edit('addAction', { s: values.step, a: actionInput(key, values, []) }, `add action “${values.name}”`);
      },
    });
  };

  /** An action as its update's input: every field, null or empty where the document leaves it out. */
  const inputOfAction = (a: ActionDoc) => ({
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
    systems: a.systems ?? [],
    dependsOn: a.dependsOn ?? [],
  });

  const editAction = async (actionKey: string) => {
    const data = await load();
    const found = allActions(data).find(({ action }) => action.key === actionKey);
    if (!found) return;
    const { action, step } = found;
    const names = new Map(allActions(data).map(({ action: a }) => [a.key, a.name]));
    const incoming = allActions(data).filter(({ action: a }) => a.dependsOn.includes(action.key));
    const intro: (Node | string)[] = [];
    if (action.dependsOn.length > 0) intro.push(`Depends on: ${action.dependsOn.map((k) => names.get(k) ?? k).join(', ')} (select an arrow to remove it).`);
    await dialog({
      title: `Action “${action.name}”`,
      root: 'action',
      intro,
      fields: actionFields(data, action, step.key),
      save: async (values) => {
        // Only what this form changed: another person's change to a field the form left alone
        // (a dependency drawn meanwhile, a name) stays, as the update leaves the fields it is not given.
        const changes = changedFields(inputOfAction(action), actionInput(action.key, values, action.dependsOn));
        if (changes) await edit('updateAction', { a: changes }, `change action “${action.name}”`);
        if (values.step !== step.key) await edit('moveAction', { k: action.key, s: values.step }, `move action “${action.name}”`);
      },
      remove: {
        confirm:
          `Delete the action “${action.name}”` +
          (action.dependsOn.length + incoming.length > 0 ? ` with its ${count(action.dependsOn.length + incoming.length, 'dependency', 'dependencies')}` : '') +
          '?',
        blockedBy: blockedRemoval(data, [action.key], 'action'),
        run: () => edit('removeAction', { k: action.key }, `delete action “${action.name}”`),
      },
      more: [
        { label: 'Add pain point', run: () => void addPainPoint(action.key) },
        { label: 'Add dependency', run: () => chooseDependency(action.key, action.name) },
      ],
    });
  };

  const chooseDependency = (from: string, name: string) => {
    document.body.classList.add('choosing');
    context.showStatus(`Choose the card that “${name}” depends on (Esc cancels).`);
    choosing = (to: string) => {
      choosing = null;
      document.body.classList.remove('choosing');
      void edit('addDependency', { f: from, t: to }, `add a dependency of “${name}”`).catch((error: Error) => context.showStatus(error.message, true));
    };
  };

  /**
   * Chooses a pain point's causes on the grid: a click (or Enter) on a card adds it or takes it out,
   * "Save causes" writes them (Esc or "Cancel" keeps them as they were).
   */
  let markCauses: (() => void) | null = null;
  /** Ends choosing causes, if under way. */
  let choosingCauses: (() => void) | null = null;
  const chooseCauses = (pain: PainDoc) => {
    const chosen = new Set(pain.causes ?? []);
    const bar = el('span', { class: 'choose-causes' });
    const save = el('button', { type: 'button' }, 'Save causes');
    const cancel = el('button', { type: 'button' }, 'Cancel choosing');
    bar.append(save, cancel);
    editingOnly.parentElement!.append(bar);
    markCauses = () => {
      for (const [key, card] of context.picture.cards) {
        card.classList.toggle('cause-chosen', chosen.has(key));
        if (key !== pain.action) card.setAttribute('aria-pressed', String(chosen.has(key)));
      }
    };
    const finish = () => {
      choosing = null;
      markCauses = null;
      choosingCauses = null;
      bar.remove();
      document.body.classList.remove('choosing');
      for (const card of context.picture.cards.values()) {
        card.classList.remove('cause-chosen');
        card.removeAttribute('aria-pressed');
      }
    };
    document.body.classList.add('choosing');
    markCauses();
    context.showStatus(`Click the cards that cause “${pain.title}”, then Save causes (Esc cancels).`);
    choosing = (key: string) => {
      if (key === pain.action) return;
      if (chosen.has(key)) chosen.delete(key);
      else chosen.add(key);
      markCauses?.();
      const card = context.picture.cards.get(key);
      if (card) context.showStatus(`${cardName(card)}: ${chosen.has(key) ? 'a cause' : 'not a cause'} (${count(chosen.size, 'cause')} chosen).`);
    };
    choosingCauses = finish;
    cancel.addEventListener('click', () => {
      finish();
      context.showStatus('');
    });
    save.addEventListener('click', async () => {
      finish();
      const data = await load();
      const causes = allActions(data).map(({ action }) => action.key).filter((key) => chosen.has(key));
      if (sameValue(causes, pain.causes ?? [])) return context.showStatus('');
      await edit('updatePainPoint', { p: { key: pain.key, causes } }, `choose the causes of “${pain.title}”`).catch((error: Error) =>
        context.showStatus(error.message, true),
      );
    });
    save.focus();
  };
  context.picture.whenDrawn(() => markCauses?.());

  // --- pain points ---------------------------------------------------------------------

  const painFields = (data: Loaded, pain: Partial<PainDoc>): Field[] => [
    { name: 'title', label: 'Title', value: pain.title ?? '', required: true },
    ...(pain.key ? [] : [{ name: 'key', label: 'Key', keyFrom: 'title', taken: painKeys(data) } as Field]),
    { name: 'severity', label: 'Severity', kind: 'number', value: pain.severity ?? 3, min: 1, max: 5, step: 1 },
    { name: 'frequency', label: 'Frequency', kind: 'number', value: pain.frequency ?? '', min: 0, max: 1, step: 0.05 },
    { name: 'category', label: 'Category', kind: 'select', value: pain.category ?? '', options: [NONE, ...CATEGORIES.map((c) => ({ value: c, label: words(c) }))] },
    { name: 'description', label: 'Description', kind: 'textarea', value: pain.description ?? '' },
    {
      name: 'causes',
      label: 'Causes',
      kind: 'multiselect',
      value: pain.causes ?? [],
      options: allActions(data)
        .filter(({ action }) => action.key !== pain.action)
        .map(({ action }) => ({ value: action.key, label: action.name })),
    },
  ];
  const painInput = (key: string, action: string, values: Values) => ({
    key,
    title: values.title,
    action,
    severity: Number(values.severity),
    frequency: values.frequency === '' ? null : Number(values.frequency),
    category: values.category || null,
    description: values.description || null,
    causes: values.causes,
  });

  /** A pain point as its form's values. */
  const painValues = (pain: PainDoc): Values => ({
    title: pain.title,
    severity: String(pain.severity),
    frequency: pain.frequency == null ? '' : String(pain.frequency),
    category: pain.category ?? '',
    description: pain.description ?? '',
    causes: pain.causes ?? [],
  });

  const addPainPoint = async (actionKey: string) => {
    const data = await load();
    const taken = painKeys(data);
    await dialog({
      title: 'Add pain point',
      root: 'painPoint',
      fields: painFields(data, { action: actionKey }),
      save: async (values) => {
        const key = (values.key as string) || keyFrom(values.title as string, taken);
        await edit('addPainPoint', { p: painInput(key, actionKey, values) }, `add pain point “${values.title}”`);
      },
    });
  };

  const editPainPoint = async (painKey: string) => {
    const data = await load();
    const pain = data.document.painPoints.find((p) => p.key === painKey);
    if (!pain) return;
    await dialog({
      title: `Pain point “${pain.title}”`,
      root: 'painPoint',
      fields: painFields(data, pain),
      save: async (values) => {
        const changes = changedFields(painInput(pain.key, pain.action, painValues(pain)), painInput(pain.key, pain.action, values));
        if (changes) await edit('updatePainPoint', { p: changes }, `change pain point “${pain.title}”`);
      },
      remove: { confirm: `Delete the pain point “${pain.title}”?`, run: () => edit('removePainPoint', { k: pain.key }, `delete pain point “${pain.title}”`) },
      more: [{ label: 'Choose causes on the grid', run: () => chooseCauses(pain) }],
    });
  };

  /** Why a stage, step or action cannot go yet: the pain points that occur at its actions (null when none does). */
  const blockedRemoval = (data: Loaded, actionKeys: string[], what: string): string | null => {
    const keys = new Set(actionKeys);
    const blocking = data.document.painPoints.filter((p) => keys.has(p.action));
    if (blocking.length === 0) return null;
    return (
      `This ${what} cannot be deleted yet: ${blocking.length === 1 ? 'the pain point' : 'the pain points'} ` +
      `${blocking.map((p) => `“${p.title}”`).join(', ')} ${blocking.length === 1 ? 'occurs' : 'occur'} at its actions. Move or delete ${blocking.length === 1 ? 'it' : 'them'} first.`
    );
  };

  // --- edit mode ------------------------------------------------------------------------

  const showLayer = () => {
    const layer = context.picture.canvas.querySelector<HTMLElement>('.edit-layer');
    if (layer) layer.hidden = !editing;
    // In edit mode an arrow is a control of its own: Tab reaches it, Enter or Delete removes it (after asking).
    const name = (key: string) => cardName(context.picture.cards.get(key)!);
    for (const edge of context.picture.edges.values()) {
      if (editing) {
        edge.setAttribute('tabindex', '0');
        edge.setAttribute('role', 'button');
        edge.setAttribute('aria-label', `Dependency: “${name(edge.dataset.from!)}” depends on “${name(edge.dataset.to!)}”; Enter or Delete removes it`);
      } else for (const attribute of ['tabindex', 'role', 'aria-label']) edge.removeAttribute(attribute);
    }
  };
  context.picture.whenDrawn(showLayer);
  toggle.addEventListener('click', () => {
    editing = !editing;
    toggle.setAttribute('aria-pressed', String(editing));
    editingOnly.hidden = !editing;
    document.body.classList.toggle('editing', editing);
    showLayer();
    if (!editing) {
      choosingCauses?.();
      choosing = null;
      document.body.classList.remove('choosing');
    }
  });
  byId('add-stage').addEventListener('click', () => void addStage());

  // --- moving a card by dragging it to another step or lane --------------------------------

  /** Moves an action to a step and lane: its lane by updateAction (an emotion goes with the customer lane), its step by moveAction. */
  const moveTo = async (actionKey: string, stepKey: string, lane: string) => {
    const data = await load();
    const found = allActions(data).find(({ action }) => action.key === actionKey);
    if (!found) return;
    const { action, step } = found;
    try {
      if (lane !== action.lane) {
        const emotion = lane === 'CUSTOMER' ? action.emotion : null;
        await edit('updateAction', { a: { key: action.key, lane, emotion } }, `move action “${action.name}” to another lane`);
      }
      if (stepKey !== step.key) await edit('moveAction', { k: action.key, s: stepKey }, `move action “${action.name}”`);
    } catch (error) {
      context.showStatus((error as Error).message, true);
    }
  };
  /** A pointer's place on the grid, in the layout's coordinates (the grid is drawn at its own size). */
  const gridPoint = (clientX: number, clientY: number) => {
    const box = context.picture.svg.getBoundingClientRect();
    return { x: clientX - box.left, y: clientY - box.top };
  };
  const dropTarget = (clientX: number, clientY: number): { step: string; lane: string } | null => {
    const { x, y } = gridPoint(clientX, clientY);
    const zones = (selector: string) => Array.from(context.picture.canvas.querySelectorAll<HTMLElement>(selector));
    const step = zones('.drop-step').find((z) => x >= Number(z.dataset.left) && x < Number(z.dataset.left) + Number(z.dataset.width));
    const lane = zones('.drop-lane').find((z) => y >= Number(z.dataset.top) && y < Number(z.dataset.top) + Number(z.dataset.height));
    return step && lane ? { step: step.dataset.step!, lane: lane.dataset.lane! } : null;
  };
  let drag: { key: string; x: number; y: number; ghost: SVGGElement | null } | null = null;
  let justDragged = false;
  context.picture.canvas.addEventListener('pointerdown', (event) => {
    if (!editing || choosing || event.button !== 0) return;
    const card = (event.target as Element).closest<SVGGElement>('g.bp-cards g.bp-card');
    if (card?.dataset.action) drag = { key: card.dataset.action, x: event.clientX, y: event.clientY, ghost: null };
  });
  context.picture.canvas.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.ghost && Math.hypot(dx, dy) < 6) return;
    if (!drag.ghost) {
      const card = context.picture.cards.get(drag.key);
      if (!card) return;
      drag.ghost = card.cloneNode(true) as SVGGElement;
      drag.ghost.classList.add('drag-ghost');
      context.picture.overlay.append(drag.ghost);
      document.body.classList.add('dragging');
    }
    drag.ghost.setAttribute('transform', `translate(${dx} ${dy})`);
  });
  const endDrag = (event: PointerEvent) => {
    const ended = drag;
    drag = null;
    if (!ended?.ghost) return;
    ended.ghost.remove();
    document.body.classList.remove('dragging');
    justDragged = true;
    const target = dropTarget(event.clientX, event.clientY);
    if (target) void moveTo(ended.key, target.step, target.lane);
  };
  context.picture.canvas.addEventListener('pointerup', endDrag);

  // --- drawing a dependency by dragging a card's handle onto another card --------------------

  let connecting: { from: string; line: SVGLineElement } | null = null;
  context.picture.canvas.addEventListener('pointerdown', (event) => {
    const handle = (event.target as Element).closest<HTMLElement>('.edit-layer .connect');
    if (!editing || !handle || event.button !== 0) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const box = handle.getBoundingClientRect();
    const start = gridPoint(box.left + box.width / 2, box.top + box.height / 2);
    const line = document.createElementNS(SVG_NS, 'line') as SVGLineElement;
    line.setAttribute('class', 'connect-line');
    for (const [name, value] of Object.entries({ x1: start.x, y1: start.y, x2: start.x, y2: start.y })) line.setAttribute(name, String(value));
    context.picture.overlay.append(line);
    connecting = { from: handle.dataset.action!, line };
    document.body.classList.add('connecting');
  });
  context.picture.canvas.addEventListener('pointermove', (event) => {
    if (!connecting) return;
    const at = gridPoint(event.clientX, event.clientY);
    connecting.line.setAttribute('x2', String(at.x));
    connecting.line.setAttribute('y2', String(at.y));
  });
  const endConnect = (event: PointerEvent, drop: boolean) => {
    const ended = connecting;
    connecting = null;
    if (!ended) return;
    ended.line.remove();
    document.body.classList.remove('connecting');
    justDragged = true;
    if (!drop) return;
    const target = document
      .elementsFromPoint(event.clientX, event.clientY)
      .map((element) => element.closest<SVGGElement>('g.bp-cards g.bp-card[data-action]'))
      .find((card) => card !== null);
    const to = target?.dataset.action;
    if (!to || to === ended.from) return;
    const name = cardName(context.picture.cards.get(ended.from)!);
    void edit('addDependency', { f: ended.from, t: to }, `add a dependency of “${name}”`).catch((error: Error) => context.showStatus(error.message, true));
  };
  context.picture.canvas.addEventListener('pointerup', (event) => endConnect(event, true));
  context.picture.canvas.addEventListener('pointercancel', (event) => endConnect(event, false));
  context.picture.canvas.addEventListener('pointercancel', () => {
    drag?.ghost?.remove();
    drag = null;
    document.body.classList.remove('dragging');
  });

  const onGrid = (event: Event) => {
    if (!editing) return;
    if (justDragged && event.type === 'click') {
      // The click that ends a drag is not a click on the card.
      justDragged = false;
      event.stopImmediatePropagation();
      return;
    }
    const target = event.target as Element;
    const button = target.closest<HTMLButtonElement>('.edit-layer button');
    if (button) {
      event.stopImmediatePropagation();
      if (button.classList.contains('add-step')) void addStep(button.dataset.stage!);
      else if (button.classList.contains('edit-stage')) void editStage(button.dataset.stage!);
      else if (button.classList.contains('add-action')) void addAction(button.dataset.step!);
      else if (button.classList.contains('edit-step')) void editStep(button.dataset.step!);
      return;
    }
    const card = target.closest<SVGGElement>('g.bp-card');
    if (card?.dataset.action) {
      event.stopImmediatePropagation();
      if (choosing) choosing(card.dataset.action);
      else void editAction(card.dataset.action);
      return;
    }
    const marker = target.closest<SVGGElement>('g.bp-pain');
    if (marker?.dataset.pain) {
      event.stopImmediatePropagation();
      void editPainPoint(marker.dataset.pain);
      return;
    }
    const arrow = target.closest<SVGPathElement>('path.bp-edge[data-from]');
    if (arrow) {
      event.stopImmediatePropagation();
      const from = arrow.dataset.from!;
      const to = arrow.dataset.to!;
      const name = (key: string) => cardName(context.picture.cards.get(key)!);
      if (window.confirm(`Remove the dependency: “${name(from)}” depends on “${name(to)}”?`)) {
        void edit('removeDependency', { f: from, t: to }, `remove a dependency of “${name(from)}”`).catch((error: Error) => context.showStatus(error.message, true));
      }
    }
  };
  // Capture: in edit mode a click on the grid edits; the analysis handlers below it do not also run.
  context.picture.canvas.addEventListener('click', onGrid, true);
  context.picture.canvas.addEventListener(
    'keydown',
    (event) => {
      if (!editing) return;
      // A focused button clicks itself on Enter; a focused card, marker or arrow does not.
      const onArrow = (event.target as Element).matches('path.bp-edge[data-from]');
      if ((event.key === 'Enter' || event.key === ' ' || (onArrow && (event.key === 'Delete' || event.key === 'Backspace'))) && !(event.target as Element).closest('button')) {
        event.preventDefault();
        onGrid(event);
      }
    },
    true,
  );
  document.addEventListener('keydown', (event) => {
    if (!editing) return;
    if (event.key === 'Escape' && choosing) {
      choosingCauses?.();
      choosing = null;
      document.body.classList.remove('choosing');
      context.showStatus('');
      return;
    }
    const inField = (event.target as Element).closest('input, textarea, select, dialog');
    if (inField || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    event.preventDefault();
    if (event.shiftKey) redo();
    else undo();
  });
}

/** The key and the fields of `mine` that differ from `opened` (null clears one), or null when none does: what a form changed. */
function changedFields<T extends { key: string }>(opened: T, mine: T): Partial<T> | null {
  const changes: Partial<T> = { key: mine.key } as Partial<T>;
  let changed = false;
  for (const field of Object.keys(mine) as (keyof T)[]) {
    if (field !== 'key' && !sameValue(mine[field], opened[field])) {
      changes[field] = mine[field];
      changed = true;
    }
  }
  return changed ? changes : null;
}

/** `1 step`, `3 steps`. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
