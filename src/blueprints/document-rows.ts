import { int } from '../database/driver-values';
import { BlueprintDocument } from './dto/blueprint-document';
import { BlueprintState, PainCategory } from './models/enums';

/**
 * A validated document flattened into the rows that the batched import
 * statements UNWIND: one list per kind of node or relationship.
 */
export interface ImportRows {
  properties: Record<string, unknown>;
  departments: Record<string, unknown>[];
  roles: Record<string, unknown>[];
  systems: Record<string, unknown>[];
  processes: Record<string, unknown>[];
  stages: Record<string, unknown>[];
  steps: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  actionSystems: Record<string, unknown>[];
  dependencies: Record<string, unknown>[];
  painPoints: Record<string, unknown>[];
  painCauses: Record<string, unknown>[];
}

export function documentToRows(document: BlueprintDocument): ImportRows {
  const rows: ImportRows = {
    properties: {
      name: document.name,
      description: document.description ?? null,
      state: document.state ?? BlueprintState.CURRENT,
      personaName: document.persona?.name ?? null,
      personaDescription: document.persona?.description ?? null,
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
  let stepPosition = 0;
  let actionPosition = 0;
  document.stages.forEach((stage, stagePosition) => {
    rows.stages.push({ key: stage.key, name: stage.name, position: int(stagePosition) });
    for (const step of stage.steps) {
      rows.steps.push({
        key: step.key,
        name: step.name,
        evidence: step.evidence ?? [],
        stage: stage.key,
        position: int(stepPosition++),
      });
      for (const action of step.actions) {
        rows.actions.push({
          key: action.key,
          step: step.key,
          lane: action.lane,
          name: action.name,
          description: action.description ?? null,
          channel: action.channel ?? null,
          touchpoint: action.touchpoint ?? null,
          emotion: action.emotion == null ? null : int(action.emotion),
          role: action.role ?? null,
          department: action.department ?? null,
          process: action.process ?? null,
          position: int(actionPosition++),
        });
        (action.systems ?? []).forEach((system, position) =>
          rows.actionSystems.push({ action: action.key, system, position: int(position) }),
        );
        (action.dependsOn ?? []).forEach((to, position) =>
          rows.dependencies.push({ from: action.key, to, position: int(position) }),
        );
      }
    }
  });
  (document.painPoints ?? []).forEach((painPoint, position) => {
    rows.painPoints.push({
      key: painPoint.key,
      title: painPoint.title,
      description: painPoint.description ?? null,
      action: painPoint.action,
      severity: int(painPoint.severity),
      frequency: painPoint.frequency ?? 1,
      category: painPoint.category ?? PainCategory.OTHER,
      position: int(position),
    });
    (painPoint.causes ?? []).forEach((action, causePosition) =>
      rows.painCauses.push({ painPoint: painPoint.key, action, position: int(causePosition) }),
    );
  });
  return rows;
}
