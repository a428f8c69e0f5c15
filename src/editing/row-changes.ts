import { ImportRows } from '../blueprints/document-rows';

/**
 * What an edit changes of a blueprint's stored rows: the stages, steps,
 * actions and pain points to write again (new, or with a field, a parent, a
 * position or a reference of their own that differs) and those to delete.
 * An action's own references are its systems and dependencies, a pain
 * point's its causes; a node that keeps its rows keeps its relationships,
 * including those other nodes have to it. Pure.
 */
export interface RowChanges {
  /** The rows to write: only the changed parts; organisation entries are never written by an edit. */
  rows: ImportRows;
  /** The keys of the nodes that are written again (they lose their parent link and references first). */
  rewritten: NodeKeys;
  removed: NodeKeys;
}

export interface NodeKeys {
  stages: string[];
  steps: string[];
  actions: string[];
  painPoints: string[];
}

export function rowChanges(before: ImportRows, after: ImportRows): RowChanges {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const byKey = <T>(rows: T[], keyOf: (row: T) => string) => new Map(rows.map((row) => [keyOf(row), row]));

  const systemsBefore = byKey(before.actionSystems, (r) => r.action);
  const systemsAfter = byKey(after.actionSystems, (r) => r.action);
  const dependenciesBefore = byKey(before.dependencies, (r) => r.from);
  const dependenciesAfter = byKey(after.dependencies, (r) => r.from);
  const causesBefore = byKey(before.painCauses, (r) => r.painPoint);
  const causesAfter = byKey(after.painCauses, (r) => r.painPoint);

  /** The rows of one kind whose node is new or differs, with the keys of those gone. */
  const diff = <T extends { key: string }>(old: T[], now: T[], alsoDiffers: (key: string) => boolean = () => false) => {
    const previous = byKey(old, (row) => row.key);
    const changed = now.filter((row) => !previous.has(row.key) || !same(previous.get(row.key), row) || alsoDiffers(row.key));
    const kept = new Set(now.map((row) => row.key));
    return { changed, removed: old.filter((row) => !kept.has(row.key)).map((row) => row.key), existed: previous };
  };

  const stages = diff(before.stages, after.stages);
  const steps = diff(before.steps, after.steps);
  const actions = diff(
    before.actions,
    after.actions,
    (key) => !same(systemsBefore.get(key), systemsAfter.get(key)) || !same(dependenciesBefore.get(key), dependenciesAfter.get(key)),
  );
  const painPoints = diff(before.painPoints, after.painPoints, (key) => !same(causesBefore.get(key), causesAfter.get(key)));
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
    rewritten: {
      stages: stages.changed.filter((row) => stages.existed.has(row.key)).map((row) => row.key),
      steps: steps.changed.filter((row) => steps.existed.has(row.key)).map((row) => row.key),
      actions: actions.changed.filter((row) => actions.existed.has(row.key)).map((row) => row.key),
      painPoints: painPoints.changed.filter((row) => painPoints.existed.has(row.key)).map((row) => row.key),
    },
    removed: { stages: stages.removed, steps: steps.removed, actions: actions.removed, painPoints: painPoints.removed },
  };
}
