import { Integer } from 'neo4j-driver';
import { int } from '../database/driver-values';
import { BlueprintShape, shapeOfRows } from './blueprint-shape';
import { BlueprintDocument } from './dto/blueprint-document';
import { BlueprintState, Channel, Lane, PainCategory } from './models/enums';

/**
 * A validated document flattened into the rows that the batched import
 * statements UNWIND: one list per kind of node, and the lists of keys that
 * the document gives in order (systems, dependencies, causes) as one row per
 * action or pain point with the whole list.
 *
 * Sending a value costs time for each one (the driver inspects every value it
 * packs, the server unpacks it), so the rows carry no more than the
 * statements need: a key's position in its list is its index there (the
 * statements UNWIND the indices), and an optional field the document does not
 * set is left out, which Cypher reads as null just the same.
 */
export interface ImportRows {
  properties: BlueprintProperties;
  departments: OrgRow[];
  roles: OrgRow[];
  systems: OrgRow[];
  processes: OrgRow[];
  stages: StageRow[];
  steps: StepRow[];
  actions: ActionRow[];
  actionSystems: { action: string; systems: string[] }[];
  dependencies: { from: string; to: string[] }[];
  painPoints: PainPointRow[];
  painCauses: { painPoint: string; causes: string[] }[];
}

/** Parameters of their own (blueprint-create, blueprint-merge, blueprint-edit), so every one is present. */
export type BlueprintProperties = {
  name: string;
  description: string | null;
  state: BlueprintState;
  personaName: string | null;
  personaDescription: string | null;
  /** See blueprint-shape. */
  shape: BlueprintShape | null;
};

export type OrgRow = { key: string; name: string; department?: string };
export type StageRow = { key: string; name: string; position: Integer };
/** `evidence` is stored as given, an empty list when absent. */
export type StepRow = { key: string; name: string; evidence: string[]; stage: string; position: Integer };
/** Its links to other nodes are `step`, `role`, `department` and `process` (editing/row-changes.ts). */
export type ActionRow = {
  key: string;
  step: string;
  lane: Lane;
  name: string;
  description?: string;
  channel?: Channel;
  touchpoint?: string;
  emotion?: Integer;
  role?: string;
  department?: string;
  process?: string;
  position: Integer;
};
export type PainPointRow = {
  key: string;
  title: string;
  description?: string;
  action: string;
  severity: Integer;
  frequency: number;
  category: PainCategory;
  position: Integer;
};

export function documentToRows(document: BlueprintDocument): ImportRows {
  const rows: ImportRows = {
    properties: {
      name: document.name,
      description: document.description ?? null,
      state: document.state ?? BlueprintState.CURRENT,
      personaName: document.persona?.name ?? null,
      personaDescription: document.persona?.description ?? null,
      shape: [],
    },
    departments: (document.departments ?? []).map(({ key, name }) => ({ key, name })),
    roles: (document.roles ?? []).map(({ key, name, department }) => ({ key, name, department })),
    systems: (document.systems ?? []).map(({ key, name, department }) => ({ key, name, department })),
    processes: (document.processes ?? []).map(({ key, name, department }) => ({ key, name, department })),
    stages: [],
    steps: [],
    actions: [],
    actionSystems: [],
    dependencies: [],
    painPoints: [],
    painCauses: [],
  };
  // Positions count within their parent (a step in its stage, an action in its step), so that an edit
  // renumbers only the siblings of what it inserts, moves or removes (editing/row-changes.ts).
  document.stages.forEach((stage, stagePosition) => {
    rows.stages.push({ key: stage.key, name: stage.name, position: int(stagePosition) });
    stage.steps.forEach((step, stepPosition) => {
      rows.steps.push({ key: step.key, name: step.name, evidence: step.evidence ?? [], stage: stage.key, position: int(stepPosition) });
      step.actions.forEach((action, actionPosition) => {
        rows.actions.push(
          withValues({
            key: action.key,
            step: step.key,
            lane: action.lane,
            name: action.name,
            description: action.description,
            channel: action.channel,
            touchpoint: action.touchpoint,
            emotion: action.emotion == null ? null : int(action.emotion),
            role: action.role,
            department: action.department,
            process: action.process,
            position: int(actionPosition),
          }) as ActionRow,
        );
        if (action.systems?.length) rows.actionSystems.push({ action: action.key, systems: action.systems });
        if (action.dependsOn?.length) rows.dependencies.push({ from: action.key, to: action.dependsOn });
      });
    });
  });
  (document.painPoints ?? []).forEach((painPoint, position) => {
    rows.painPoints.push(
      withValues({
        key: painPoint.key,
        title: painPoint.title,
        description: painPoint.description,
        action: painPoint.action,
        severity: int(painPoint.severity),
        frequency: painPoint.frequency ?? 1,
        category: painPoint.category ?? PainCategory.OTHER,
        position: int(position),
      }) as PainPointRow,
    );
    if (painPoint.causes?.length) rows.painCauses.push({ painPoint: painPoint.key, causes: painPoint.causes });
  });
  rows.properties.shape = shapeOfRows(rows);
  return rows;
}

/** The entries that hold a value. */
function withValues(entries: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key in entries) if (entries[key] != null) row[key] = entries[key];
  return row;
}
