import { Row } from '../database/executor';
import { ActionRow, OrgRef, Positioned, byPosition, keysInOrder } from '../blueprints/blueprint-assembly';
import { BlueprintShape } from '../blueprints/blueprint-shape';
import { ActionDocument, BlueprintDocument, PainPointDocument } from '../blueprints/dto/blueprint-document';
import { BlueprintState, Lane, PainCategory } from '../blueprints/models/enums';
import { KnownEntries, KnownEntry } from '../history/version-document';

/**
 * Which part of a blueprint an edit reads (cypher/edit-scope.cypher). Every
 * stage, step and pain point is always read; the actions only of the steps
 * the scope opens. An edit must open every step whose actions it reads or
 * changes: a step it does not open is read without its actions.
 */
export interface EditScope {
  /** Steps to open. */
  steps?: string[];
  /** Open the steps that hold these actions (keys that no action has are ignored). */
  actions?: string[];
  /** Open every step of these stages. */
  stages?: string[];
  /** Also open the steps of every action that depends on an action of the opened steps (for removals). */
  dependents?: boolean;
  /** Open every step: the whole blueprint. */
  all?: boolean;
  /** Read the pain points (all of them: their order is one list); else the edit sees none and may not add one. */
  painPoints?: boolean;
}

/** A blueprint as far as an edit read it. */
export interface ScopedBlueprint {
  /** Every stage, step and pain point; the actions of the open steps only; organisation entries only referenced. */
  document: BlueprintDocument;
  version: number;
  updatedAt: string;
  /** As stored with the version; null for a blueprint written before shapes were stored. */
  shape: BlueprintShape | null;
  /** The steps read without their actions. */
  closedSteps: Set<string>;
  /** Whether the pain points were read. */
  painPointsRead: boolean;
  /** The organisation entries the actions read reference, as the database has them. */
  known: KnownEntries;
  /** Keys of actions outside the open steps that the parts read reference (they exist: the stored blueprint is whole). */
  actionsOutside: Set<string>;
}

export const scopeParameters = (key: string, scope: EditScope) => ({
  key,
  steps: scope.steps ?? [],
  actions: scope.actions ?? [],
  stages: scope.stages ?? [],
  dependents: scope.dependents ?? false,
  all: scope.all ?? false,
  painPoints: (scope.painPoints ?? false) || (scope.all ?? false),
});

/** The row of edit-scope.cypher as a partial document. Pure. */
export function scopedBlueprint(row: Row): ScopedBlueprint {
  const header = row.blueprint as Record<string, string | null> & { revision?: number | null };
  const actionRows = (row.actions as ActionRow[][]).flat().sort(byPosition);
  const openSteps = new Set(row.openSteps as string[]);
  const known: KnownEntries = { departments: [], roles: [], systems: [], processes: [] };
  const seen = new Set<string>();
  const note = (list: KnownEntry[], kind: string, [key, name, department, departmentName]: OrgRef) => {
    if (!seen.has(`${kind}:${key}`) && seen.add(`${kind}:${key}`)) list.push({ key, name, department, departmentName });
  };

  const actionsByStep = new Map<string, ActionDocument[]>();
  for (const a of actionRows) {
    if (a.role) note(known.roles, 'role', a.role);
    if (a.process) note(known.processes, 'process', a.process);
    const systems = [...(a.systems ?? [])].sort((x, y) => x[0] - y[0]);
    for (const [, ...system] of systems) note(known.systems, 'system', system as OrgRef);
    if (a.department && !seen.has(`department:${a.department[0]}`) && seen.add(`department:${a.department[0]}`)) {
      known.departments.push({ key: a.department[0], name: a.department[1] });
    }
    const list = actionsByStep.get(a.step) ?? [];
    actionsByStep.set(a.step, list);
    list.push({
      key: a.key,
      lane: a.lane as Lane,
      name: a.name,
      description: a.description ?? null,
      channel: (a.channel as ActionDocument['channel']) ?? null,
      touchpoint: a.touchpoint ?? null,
      emotion: a.emotion ?? null,
      role: a.role?.[0] ?? null,
      department: a.department?.[0] ?? null,
      process: a.process?.[0] ?? null,
      systems: systems.map(([, key]) => key),
      dependsOn: keysInOrder(a.dependsOn),
    });
  }

  const stepRows = (row.steps as { key: string; name: string; evidence: string[] | null; position: number; stage: string }[]).sort(byPosition);
  const stages = (row.stages as { key: string; name: string; position: number }[])
    .sort(byPosition)
    .map((stage) => ({
      key: stage.key,
      name: stage.name,
      steps: stepRows
        .filter((step) => step.stage === stage.key)
        .map((step) => ({ key: step.key, name: step.name, evidence: step.evidence ?? [], actions: actionsByStep.get(step.key) ?? [] })),
    }));
  const painPoints: PainPointDocument[] = (row.painPoints as (PainPointDocument & { position: number; causes: Positioned[] })[])
    .sort(byPosition)
    .map((p) => ({
      key: p.key,
      title: p.title,
      description: p.description ?? null,
      action: p.action,
      causes: keysInOrder(p.causes as unknown as Positioned[]),
      severity: p.severity,
      frequency: p.frequency,
      category: p.category as PainCategory,
    }));

  const loaded = new Set(actionRows.map((a) => a.key));
  const referenced = [
    ...[...actionsByStep.values()].flat().flatMap((action) => action.dependsOn ?? []),
    ...painPoints.flatMap((p) => [p.action, ...(p.causes ?? [])]),
  ];
  return {
    document: {
      key: header.key as string,
      name: header.name as string,
      description: header.description ?? null,
      state: (header.state as BlueprintState) ?? BlueprintState.CURRENT,
      persona: header.personaName != null ? { name: header.personaName, description: header.personaDescription ?? null } : null,
      departments: null,
      roles: null,
      systems: null,
      processes: null,
      stages,
      painPoints,
    },
    version: Number(row.revision ?? 1),
    updatedAt: header.updatedAt ?? '',
    shape: Array.isArray(row.shape) ? (row.shape as unknown[]).map(Number) : null,
    closedSteps: new Set(stepRows.map((step) => step.key).filter((key) => !openSteps.has(key))),
    painPointsRead: row.painPointsRead === true,
    known,
    actionsOutside: new Set(referenced.filter((key) => !loaded.has(key))),
  };
}

const keysReferencedBy = (actions: ActionDocument[]) => actions.flatMap((action) => [action.key, ...(action.dependsOn ?? [])]);

/**
 * What each granular edit (document-edits.ts) reads. The actions an edit adds
 * or names are opened too: one that exists is then found by the key checks,
 * and a reference to one is checked against it.
 */
export const SCOPES = {
  /** updateBlueprint, renameStage and moveStage: the stages and steps only. */
  none: (): EditScope => ({}),
  addStage: (stage: { steps: { actions: ActionDocument[] }[] }): EditScope => ({
    actions: keysReferencedBy(stage.steps.flatMap((step) => step.actions)),
  }),
  removeStage: (key: string): EditScope => ({ stages: [key], dependents: true, painPoints: true }),
  addStep: (step: { actions: ActionDocument[] }): EditScope => ({ actions: keysReferencedBy(step.actions) }),
  /** updateStep and moveStep. */
  step: (key: string): EditScope => ({ steps: [key] }),
  removeStep: (key: string): EditScope => ({ steps: [key], dependents: true, painPoints: true }),
  addAction: (stepKey: string, action: ActionDocument): EditScope => ({ steps: [stepKey], actions: keysReferencedBy([action]) }),
  updateAction: (changes: { key: string; dependsOn?: string[] | null }): EditScope => ({ actions: [changes.key, ...(changes.dependsOn ?? [])] }),
  moveAction: (key: string, stepKey: string): EditScope => ({ steps: [stepKey], actions: [key] }),
  removeAction: (key: string): EditScope => ({ actions: [key], dependents: true, painPoints: true }),
  /** addDependency and removeDependency. */
  dependency: (from: string, to: string): EditScope => ({ actions: [from, to] }),
  /** addPainPoint and updatePainPoint: the actions it occurs at and is caused by. */
  painPoint: (painPoint: { action?: string | null; causes?: string[] | null }): EditScope => ({
    actions: [painPoint.action, ...(painPoint.causes ?? [])].filter((key): key is string => typeof key === 'string'),
    painPoints: true,
  }),
  removePainPoint: (): EditScope => ({ painPoints: true }),
};
