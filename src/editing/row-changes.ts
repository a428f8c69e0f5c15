import { ImportRows } from '../blueprints/document-rows';
import { sameValue as same } from '../common/same-value';

/**
 * What an edit changes of a blueprint's stored rows: the stages, steps,
 * actions and pain points to write again (new, or with a parent or a
 * reference that differs), those whose own fields alone changed (a name, a
 * position: set in place, their relationships kept) and those to delete.
 * An action's references are its role, owner, process, systems and
 * dependencies, a pain point's its action and causes; a node that keeps its
 * rows keeps its relationships, including those other nodes have to it. Pure.
 */
export interface RowChanges {
  /** The rows to write and link: only the changed parts; organisation entries are never written by an edit. */
  rows: ImportRows;
  /** The nodes that keep their links, with their own fields as they are now. */
  restated: { [kind in keyof NodeKeys]: RestatedNode[] };
  /** The keys of the nodes that are written again (they lose their parent link and references first). */
  rewritten: NodeKeys;
  removed: NodeKeys;
}

/** A node's own fields, every one of them: a field the row no longer has is null (cleared). */
export interface RestatedNode {
  key: string;
  fields: Record<string, unknown>;
}

/**
 * The fields of each kind's rows that are links to other nodes (document-rows.ts): a change there
 * rewrites the node; every other field is its own, set in place. A link field added to the rows
 * belongs here.
 */
const LINK_FIELDS: { [kind in keyof NodeKeys]: readonly string[] } = {
  stages: [],
  steps: ['stage'],
  actions: ['step', 'role', 'department', 'process'],
  painPoints: ['action'],
};

export interface NodeKeys {
  stages: string[];
  steps: string[];
  actions: string[];
  painPoints: string[];
}

export function rowChanges(before: ImportRows, after: ImportRows): RowChanges {
  const byKey = <T>(rows: T[], keyOf: (row: T) => string) => new Map(rows.map((row) => [keyOf(row), row]));

  const systemsBefore = byKey(before.actionSystems, (r) => r.action);
  const systemsAfter = byKey(after.actionSystems, (r) => r.action);
  const dependenciesBefore = byKey(before.dependencies, (r) => r.from);
  const dependenciesAfter = byKey(after.dependencies, (r) => r.from);
  const causesBefore = byKey(before.painCauses, (r) => r.painPoint);
  const causesAfter = byKey(after.painCauses, (r) => r.painPoint);

  /** The rows of one kind whose node is new, relinked or restated, with the keys of those gone. */
  const diff = <T extends { key: string }>(kind: keyof NodeKeys, old: T[], now: T[], referencesDiffer: (key: string) => boolean = () => false) => {
    const previous = byKey(old, (row) => row.key);
    const links = LINK_FIELDS[kind];
    const linked = (row: T) => links.map((field) => (row as Record<string, unknown>)[field] ?? null);
    const changed: T[] = [];
    const restated: RestatedNode[] = [];
    for (const row of now) {
      const was = previous.get(row.key);
      if (!was || !same(linked(was), linked(row)) || referencesDiffer(row.key)) changed.push(row);
      else if (!same(was, row)) restated.push({ key: row.key, fields: ownFields(was, row, links) });
    }
    const kept = new Set(now.map((row) => row.key));
    return { changed, restated, removed: old.filter((row) => !kept.has(row.key)).map((row) => row.key), existed: previous };
  };

  const stages = diff('stages', before.stages, after.stages);
  const steps = diff('steps', before.steps, after.steps);
  const actions = diff(
    'actions',
    before.actions,
    after.actions,
    (key) => !same(systemsBefore.get(key), systemsAfter.get(key)) || !same(dependenciesBefore.get(key), dependenciesAfter.get(key)),
  );
  const painPoints = diff('painPoints', before.painPoints, after.painPoints, (key) => !same(causesBefore.get(key), causesAfter.get(key)));
  const actionKeys = new Set(actions.changed.map((row) => row.key));
  const painKeys = new Set(painPoints.changed.map((row) => row.key));

  return {
    rows: {
      properties: after.properties,
      departments: [],
      roles: [],
      systems: [],
      processes: [],
      stages: stages.changed,
      steps: steps.changed,
      actions: actions.changed,
      actionSystems: after.actionSystems.filter((row) => actionKeys.has(row.action)),
      dependencies: after.dependencies.filter((row) => actionKeys.has(row.from)),
      painPoints: painPoints.changed,
      painCauses: after.painCauses.filter((row) => painKeys.has(row.painPoint)),
    },
    restated: { stages: stages.restated, steps: steps.restated, actions: actions.restated, painPoints: painPoints.restated },
    rewritten: {
      stages: stages.changed.filter((row) => stages.existed.has(row.key)).map((row) => row.key),
      steps: steps.changed.filter((row) => steps.existed.has(row.key)).map((row) => row.key),
      actions: actions.changed.filter((row) => actions.existed.has(row.key)).map((row) => row.key),
      painPoints: painPoints.changed.filter((row) => painPoints.existed.has(row.key)).map((row) => row.key),
    },
    removed: { stages: stages.removed, steps: steps.removed, actions: actions.removed, painPoints: painPoints.removed },
  };
}

/** The fields of `now` that are not links, with null for those it left out that `before` had. */
function ownFields(before: object, now: object, links: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(now)])) {
    if (field !== 'key' && !links.includes(field)) fields[field] = (now as Record<string, unknown>)[field] ?? null;
  }
  return fields;
}
