import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { sameValue } from '../common/same-value';

/**
 * A canonical blueprint document (canonicalDocument) as records by id: the
 * blueprint's own fields, the order of its stages and pain points, and one
 * record per stage, step, action, pain point and organisation entry. A
 * change to a document touches only the records it changes, so the history
 * keeps each older version as the few records that differ from the next one
 * (a reverse patch) rather than as a whole copy.
 */
export type DocumentRecords = Record<string, unknown>;

/** Turns one record set into another: the records to set, then the ids to drop. */
export interface DocumentPatch {
  set: Record<string, unknown>;
  unset: string[];
}

const ORG_KINDS = ['department', 'role', 'system', 'process'] as const;
const ORG_LISTS = { department: 'departments', role: 'roles', system: 'systems', process: 'processes' } as const;

const id = (kind: string, key: string) => `${kind}:${key}`;

export function toRecords(document: BlueprintDocument): DocumentRecords {
  const records: DocumentRecords = {
    blueprint: {
      key: document.key,
      name: document.name,
      description: document.description ?? null,
      state: document.state ?? null,
      persona: document.persona ?? null,
    },
    stages: document.stages.map((stage) => stage.key),
    painPoints: (document.painPoints ?? []).map((painPoint) => painPoint.key),
  };
  for (const kind of ORG_KINDS) {
    for (const { key, ...entry } of document[ORG_LISTS[kind]] ?? []) records[id(kind, key)] = entry;
  }
  for (const stage of document.stages) {
    records[id('stage', stage.key)] = { name: stage.name, steps: stage.steps.map((step) => step.key) };
    for (const step of stage.steps) {
      records[id('step', step.key)] = { name: step.name, evidence: step.evidence ?? [], actions: step.actions.map((a) => a.key) };
      for (const { key, ...action } of step.actions) records[id('action', key)] = action;
    }
  }
  for (const { key, ...painPoint } of document.painPoints ?? []) records[id('painPoint', key)] = painPoint;
  return records;
}

export function fromRecords(records: DocumentRecords): BlueprintDocument {
  const record = <T>(kind: string, key: string) => ({ key, ...(records[id(kind, key)] as T) });
  const blueprint = records.blueprint as Pick<BlueprintDocument, 'key' | 'name' | 'description' | 'state' | 'persona'>;
  const organisation = Object.fromEntries(ORG_KINDS.map((kind) => [ORG_LISTS[kind], [] as { key: string }[]]));
  for (const recordId of Object.keys(records).sort()) {
    const colon = recordId.indexOf(':');
    const kind = recordId.slice(0, colon) as (typeof ORG_KINDS)[number];
    if (colon > 0 && kind in ORG_LISTS) organisation[ORG_LISTS[kind]].push(record(kind, recordId.slice(colon + 1)));
  }
  return {
    ...blueprint,
    ...(organisation as Pick<BlueprintDocument, 'departments' | 'roles' | 'systems' | 'processes'>),
    stages: (records.stages as string[]).map((stageKey) => {
      const { steps, ...stage } = record<{ name: string; steps: string[] }>('stage', stageKey);
      return {
        ...stage,
        steps: steps.map((stepKey) => {
          const { actions, ...step } = record<{ name: string; evidence: string[]; actions: string[] }>('step', stepKey);
          return { ...step, actions: actions.map((actionKey) => record('action', actionKey)) } as never;
        }),
      };
    }),
    painPoints: (records.painPoints as string[]).map((key) => record('painPoint', key)) as never,
  };
}

/** The patch that turns `from` into `to`. */
export function patchBetween(from: DocumentRecords, to: DocumentRecords): DocumentPatch {
  const set: Record<string, unknown> = {};
  for (const [recordId, value] of Object.entries(to)) {
    if (!(recordId in from) || !sameValue(from[recordId], value)) set[recordId] = value;
  }
  const unset = Object.keys(from).filter((recordId) => !(recordId in to));
  return { set, unset };
}

export function applyPatch(records: DocumentRecords, patch: DocumentPatch): DocumentRecords {
  const result = { ...records, ...patch.set };
  for (const recordId of patch.unset) delete result[recordId];
  return result;
}

export function isEmptyPatch(patch: DocumentPatch): boolean {
  return patch.unset.length === 0 && Object.keys(patch.set).length === 0;
}

const isOrganisationRecord = (recordId: string) => ORG_KINDS.some((kind) => recordId.startsWith(`${kind}:`));

/**
 * The patch from `from` to `to`, the records of the part of a blueprint that
 * an edit read (editing/edit-scope.ts), either way. It never drops an
 * organisation entry, since parts it did not read may reference it;
 * keepReferencedEntries then lists those a version references.
 */
export function partialPatch(from: DocumentRecords, to: DocumentRecords): DocumentPatch {
  const patch = patchBetween(from, to);
  return { set: patch.set, unset: patch.unset.filter((recordId) => !isOrganisationRecord(recordId)) };
}

/** The records without the organisation entries that no action references (nor the departments of those it does). */
export function keepReferencedEntries(records: DocumentRecords): DocumentRecords {
  const used = new Set<string>();
  for (const [recordId, record] of Object.entries(records)) {
    if (!recordId.startsWith('action:')) continue;
    const action = record as { role?: string | null; department?: string | null; process?: string | null; systems?: string[] | null };
    if (action.role) used.add(id('role', action.role));
    if (action.department) used.add(id('department', action.department));
    if (action.process) used.add(id('process', action.process));
    for (const system of action.systems ?? []) used.add(id('system', system));
  }
  for (const recordId of [...used]) {
    const department = (records[recordId] as { department?: string } | undefined)?.department;
    if (department) used.add(id('department', department));
  }
  return Object.fromEntries(Object.entries(records).filter(([recordId]) => !isOrganisationRecord(recordId) || used.has(recordId)));
}

/** The records without those of the steps named (steps an edit read without their actions). */
export function withoutSteps(records: DocumentRecords, steps: Iterable<string>): DocumentRecords {
  const result = { ...records };
  for (const step of steps) delete result[id('step', step)];
  return result;
}
