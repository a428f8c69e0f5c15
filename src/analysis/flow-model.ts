import { actionsOf } from '../blueprints/blueprint-assembly';
import { Action, Blueprint, PainPoint } from '../blueprints/models/blueprint.model';
import { Department } from '../blueprints/models/organisation.model';
import { FlowAction, FlowGraph, FlowSource } from './blame-flow';

/** A blueprint's actions as the blame flow sees them, with the objects clients read. */
export interface BlueprintFlow {
  blueprint: Blueprint;
  graph: FlowGraph;
  actions: Map<string, Action>;
}

export function flowOf(blueprint: Blueprint): BlueprintFlow {
  const graph = new Map<string, FlowAction>();
  const actions = new Map<string, Action>();
  for (const action of actionsOf(blueprint)) {
    actions.set(action.key, action);
    graph.set(action.key, {
      key: action.key,
      lane: action.lane,
      owners: action.owners.map((owner) => owner.key),
      dependsOn: action.dependsOn.map((dependency) => dependency.key),
    });
  }
  return { blueprint, graph, actions };
}

export function sourceOf(painPoint: PainPoint): FlowSource {
  const entries = painPoint.causes.length > 0 ? painPoint.causes : [painPoint.action];
  return { impact: painPoint.impact, entries: entries.map((action) => action.key) };
}

/** Every owning department of the actions, by key. */
export function departmentsOf(flows: BlueprintFlow[]): Map<string, Department> {
  const departments = new Map<string, Department>();
  for (const flow of flows) {
    for (const action of flow.actions.values()) {
      for (const owner of action.owners) departments.set(owner.key, owner);
    }
  }
  return departments;
}
