import { PainPoint } from '../blueprints/models/blueprint.model';
import { Department } from '../blueprints/models/organisation.model';
import { DEFAULT_FLOW_PARAMS, FlowGraph, FlowParams, edgeEnds, edgeId } from './blame-flow';
import { painPointFlow } from './pain-point-flows';
import { pace } from '../common/pacer';
import { BlueprintFlow, departmentsOf, sourceOf } from './flow-model';
import { PainPointChains } from './pain-point-chains';
import { compareKeys } from '../common/compare-keys';
import {
  DepartmentDependency,
  DepartmentRootCause,
  PainContribution,
  PainTrace,
  RootCauseReport,
} from './models/analysis.models';

/** The figures of rootCauses, departmentDependencies and painPointTrace, from flows already in memory. */

export interface ScopedPainPoint {
  painPoint: PainPoint;
  flow: BlueprintFlow;
}

/** Paced: it pauses between pain points once the event loop's slice is used up (common/pacer). */
export async function rootCauseReport(painPoints: ScopedPainPoint[], params: FlowParams): Promise<RootCauseReport> {
  const departments = departmentsOf(uniqueFlows(painPoints));
  const scores = new Map<string, number>();
  const contributions = new Map<string, PainContribution[]>();
  let totalImpact = 0;
  let unattributedImpact = 0;

  for (const { painPoint, flow } of painPoints) {
    const turn = pace();
    if (turn) await turn;
    const source = sourceOf(painPoint);
    const result = painPointFlow(flow, painPoint, params);
    totalImpact += result.impact;
    unattributedImpact += result.unattributed;
    const chains = new PainPointChains(flow, source, params);
    for (const [department, score] of result.departments) {
      scores.set(department, (scores.get(department) ?? 0) + score);
      const list = contributions.get(department) ?? [];
      list.push({ painPoint, score, chainSource: { chains, department } });
      contributions.set(department, list);
    }
  }

  const ranked = [...scores].filter(([, score]) => score > 0).sort(([a, x], [b, y]) => y - x || compareKeys(a, b));
  const sum = ranked.reduce((total, [, score]) => total + score, 0);
  const rows: DepartmentRootCause[] = ranked.map(([key, score], index) => ({
    rank: index + 1,
    department: departments.get(key) as Department,
    score,
    share: score / sum,
    contributions: (contributions.get(key) ?? []).sort(
      (a, b) =>
        b.score - a.score ||
        compareKeys(a.painPoint.blueprintKey, b.painPoint.blueprintKey) ||
        compareKeys(a.painPoint.key, b.painPoint.key),
    ),
  }));
  return { totalImpact, unattributedImpact, painPointCount: painPoints.length, departments: rows };
}

/**
 * What departmentDependencies reads of a blueprint: the flow of every pain
 * point under the default parameters, and every DEPENDS_ON edge with the
 * owners of its two ends (all of `flow.graph` when it holds the whole blueprint).
 */
export interface HandoffSource {
  flow: BlueprintFlow;
  edges: FlowGraph;
}

/**
 * One blueprint's handoffs, in edge order: for each DEPENDS_ON edge and each
 * pair of different departments owning its two ends, which pair it is and
 * its share of the blame mass that crossed the edge. Compact, so that it is
 * kept in place of the edges, and summed in the same order as the edges
 * would be, so that the figures are the same to the last bit.
 */
export interface BlueprintHandoffs {
  blueprintKey: string;
  /** The department pairs (from, to) of its handoffs, each once. */
  pairs: [Department, Department][];
  /** For each handoff, its pair's index in `pairs`. */
  pairOf: Uint32Array;
  impact: Float64Array;
}

/** Paced between pain points (common/pacer). */
export async function blueprintHandoffs({ flow, edges }: HandoffSource, departments: ReadonlyMap<string, Department>): Promise<BlueprintHandoffs> {
  const edgeMass = new Map<string, number>();
  for (const painPoint of flow.painPoints) {
    const turn = pace();
    if (turn) await turn;
    const result = painPointFlow(flow, painPoint, DEFAULT_FLOW_PARAMS);
    for (const [id, mass] of result.edges) edgeMass.set(id, (edgeMass.get(id) ?? 0) + mass);
  }
  const pairs: [Department, Department][] = [];
  const indices = new Map<string, number>();
  const pairOf: number[] = [];
  const impact: number[] = [];
  for (const action of edges.values()) {
    for (const target of action.dependsOn) {
      const targetOwners = edges.get(target)!.owners;
      if (action.owners.length === 0 || targetOwners.length === 0) continue;
      const perPair = (edgeMass.get(edgeId(action.key, target)) ?? 0) / (action.owners.length * targetOwners.length);
      for (const from of action.owners) {
        for (const to of targetOwners) {
          if (from === to) continue;
          const id = edgeId(from, to);
          let index = indices.get(id);
          if (index === undefined) {
            indices.set(id, (index = pairs.length));
            pairs.push([departments.get(from)!, departments.get(to)!]);
          }
          pairOf.push(index);
          impact.push(perPair);
        }
      }
    }
  }
  return { blueprintKey: flow.blueprintKey, pairs, pairOf: Uint32Array.from(pairOf), impact: Float64Array.from(impact) };
}

/**
 * Handoffs between departments along every DEPENDS_ON edge of the
 * blueprints, and the blame mass that crossed them under the default parameters.
 */
export function departmentDependencies(blueprints: BlueprintHandoffs[]): DepartmentDependency[] {
  const totals = new Map<string, { from: Department; to: Department; handoffs: number; impact: number; blueprints: Set<string> }>();
  for (const { blueprintKey, pairs, pairOf, impact } of blueprints) {
    const entries = pairs.map(([from, to]) => {
      const id = edgeId(from.key, to.key);
      let entry = totals.get(id);
      if (!entry) totals.set(id, (entry = { from, to, handoffs: 0, impact: 0, blueprints: new Set() }));
      entry.blueprints.add(blueprintKey);
      return entry;
    });
    for (let i = 0; i < pairOf.length; i++) {
      const entry = entries[pairOf[i]];
      entry.handoffs++;
      entry.impact += impact[i];
    }
  }

  return [...totals.values()]
    .map((entry) => ({ ...entry, blueprints: [...entry.blueprints].sort(compareKeys) }))
    .sort(
      (a, b) =>
        b.impact - a.impact ||
        b.handoffs - a.handoffs ||
        compareKeys(a.from.key, b.from.key) ||
        compareKeys(a.to.key, b.to.key),
    );
}

export function painTrace(painPoint: PainPoint, flow: BlueprintFlow, params: FlowParams): PainTrace {
  const result = painPointFlow(flow, painPoint, params);
  const nodes = [...result.nodes]
    .map(([key, node]) => {
      const action = flow.actions.get(key)!;
      return { action, depth: node.depth, received: node.received, kept: node.kept, departments: action.owners };
    })
    .sort((a, b) => a.depth - b.depth || a.action.position - b.action.position);
  const edges = [...result.edges]
    .filter(([, mass]) => mass > 0)
    .map(([id, mass]) => {
      const [from, to] = edgeEnds(id);
      return { from: flow.actions.get(from)!, to: flow.actions.get(to)!, mass };
    })
    .sort((a, b) => b.mass - a.mass || a.from.position - b.from.position || a.to.position - b.to.position);
  return { painPoint, impact: result.impact, unattributed: result.unattributed, nodes, edges };
}

function uniqueFlows(painPoints: ScopedPainPoint[]): BlueprintFlow[] {
  return [...new Set(painPoints.map(({ flow }) => flow))];
}
