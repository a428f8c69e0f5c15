import { actionsOf } from '../blueprints/blueprint-assembly';
import { Action, Blueprint, PainPoint } from '../blueprints/models/blueprint.model';
import { Department } from '../blueprints/models/organisation.model';
import { FlowAction, FlowGraph, FlowSource } from './blame-flow';

/**
 * What the blame flow of some pain points of one blueprint needs, with the
 * objects clients read: the pain points, and the actions their walks reach
 * (with the actions they occur at). Read by Cypher as a trace (traces.ts),
 * or made from a whole blueprint in memory (flowOf).
 */
export interface BlueprintFlow {
  blueprintKey: string;
  /** The pain points it was made for, in document order. */
  painPoints: PainPoint[];
  /** The actions held, by key: each with its owners and every dependency's key, held or not. */
  graph: FlowGraph;
  actions: ReadonlyMap<string, Action>;
  /** Step key -> name, for the steps of the actions held. */
  stepNames: ReadonlyMap<string, string>;
}

/** The flow of every pain point of a blueprint held whole in memory (a document being compared, a test). */
export function flowOf(blueprint: Blueprint): BlueprintFlow {
  const graph = new Map<string, FlowAction>();
  const actions = new Map<string, Action>();
  for (const action of actionsOf(blueprint)) {
    actions.set(action.key, action);
    graph.set(action.key, flowActionOf(action, action.dependsOn.map((dependency) => dependency.key)));
  }
  const stepNames = new Map(blueprint.stages.flatMap((stage) => stage.steps.map((step) => [step.key, step.name] as const)));
  return { blueprintKey: blueprint.key, painPoints: blueprint.painPoints, graph, actions, stepNames };
}

export function flowActionOf(action: Action, dependsOn: readonly string[]): FlowAction {
  return { key: action.key, lane: action.lane, owners: action.owners.map((owner) => owner.key), dependsOn };
}

export function sourceOf(painPoint: PainPoint): FlowSource {
  const entries = painPoint.causes.length > 0 ? painPoint.causes : [painPoint.action];
  return { impact: painPoint.impact, entries: entries.map((action) => action.key) };
}

const flowDepartments = new WeakMap<BlueprintFlow, Map<string, Department>>();

/** Every owning department of the actions, by key; each flow's once (a kept trace's flow outlives the request). */
export function departmentsOf(flows: BlueprintFlow[]): Map<string, Department> {
  const departments = new Map<string, Department>();
  for (const flow of flows) {
    let own = flowDepartments.get(flow);
    if (!own) {
      own = new Map();
      for (const action of flow.actions.values()) for (const owner of action.owners) own.set(owner.key, owner);
      flowDepartments.set(flow, own);
    }
    for (const [key, department] of own) departments.set(key, department);
  }
  return departments;
}
