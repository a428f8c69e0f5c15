import { Action, PainPoint } from '../blueprints/models/blueprint.model';
import { Department, Process, Role, System } from '../blueprints/models/organisation.model';
import { pace } from '../common/pacer';
import { FlowParams, FlowResult } from './blame-flow';
import { painPointFlow } from './pain-point-flows';
import { BlueprintFlow } from './flow-model';
import type { ScopedPainPoint } from './root-causes';

/**
 * Placements (docs/domain.md, "From causes to decisions"): where the mass an
 * action keeps in a pain point's blame flow sits, exactly and without loss.
 * With no owning department, all of it on the action, unattributed;
 * otherwise each of its n departments gets 1/n, split equally among that
 * department's sources at the action (its role, explicit owner, process and
 * systems that belong to it). Every level of blame and every fix is a sum
 * over these.
 */

export type SourceKind = 'ROLE' | 'SYSTEM' | 'PROCESS' | 'OWNER';

export interface PlacementSource {
  kind: SourceKind;
  /** The role, system or process; null for the explicit owner. */
  entity: Role | System | Process | null;
}

export interface Placement {
  blueprintKey: string;
  action: Action;
  /** Null for the unattributed mass of an action with no owning department. */
  department: Department | null;
  source: PlacementSource | null;
  mass: number;
}

/** The sources of department `department` at `action`, in a fixed order: role, owner, process, systems. */
function sourcesOf(action: Action, department: string): PlacementSource[] {
  const sources: PlacementSource[] = [];
  if (action.role?.department.key === department) sources.push({ kind: 'ROLE', entity: action.role });
  if (action.department?.key === department) sources.push({ kind: 'OWNER', entity: null });
  if (action.process?.department.key === department) sources.push({ kind: 'PROCESS', entity: action.process });
  for (const system of action.systems) if (system.department.key === department) sources.push({ kind: 'SYSTEM', entity: system });
  return sources;
}

/** The placements of one pain point's flow, action by action in the order the flow reached them. */
export function placementsOf(flow: BlueprintFlow, result: FlowResult): Placement[] {
  const placements: Placement[] = [];
  const blueprintKey = flow.blueprintKey;
  for (const [key, node] of result.nodes) {
    if (!(node.kept > 0)) continue;
    const action = flow.actions.get(key)!;
    if (action.owners.length === 0) {
      placements.push({ blueprintKey, action, department: null, source: null, mass: node.kept });
      continue;
    }
    const part = node.kept / action.owners.length;
    for (const department of action.owners) {
      const sources = sourcesOf(action, department.key);
      for (const source of sources) placements.push({ blueprintKey, action, department, source, mass: part / sources.length });
    }
  }
  return placements;
}

/** A pain point in scope with its flow's result and placements. */
export interface PlacedPainPoint {
  painPoint: PainPoint;
  flow: BlueprintFlow;
  result: FlowResult;
  placements: Placement[];
}

/** Each pain point in scope, placed; paced between pain points (common/pacer). */
export async function* placedPainPoints(scoped: ScopedPainPoint[], params: FlowParams): AsyncGenerator<PlacedPainPoint> {
  for (const { painPoint, flow } of scoped) {
    const turn = pace();
    if (turn) await turn;
    const result = painPointFlow(flow, painPoint, params);
    yield { painPoint, flow, result, placements: placementsOf(flow, result) };
  }
}
