import { Blueprint } from '../blueprints/models/blueprint.model';
import { Department } from '../blueprints/models/organisation.model';
import { actionsOf } from '../blueprints/blueprint-assembly';
import { compareKeys } from '../common/compare-keys';
import { Dependents } from './models/decision.models';

/** An action by blueprint and key with its distance, as cypher/dependents.cypher gives it. */
export interface ReachedAction {
  blueprintKey: string;
  key: string;
  distance: number;
}

/**
 * The answer of `dependents` from the actions the walk reached and the
 * blueprints they are in: the actions as clients read them, the customer
 * actions, the departments that own the dependents, and the pain points at risk.
 */
export function dependentsAnswer(reached: ReachedAction[], blueprints: Blueprint[]): Dependents {
  const byBlueprint = new Map(blueprints.map((blueprint) => [blueprint.key, new Map(actionsOf(blueprint).map((a) => [a.key, a]))]));
  const listed = reached
    .filter((item) => byBlueprint.get(item.blueprintKey)?.has(item.key))
    .map((item) => ({ blueprintKey: item.blueprintKey, action: byBlueprint.get(item.blueprintKey)!.get(item.key)!, distance: item.distance }))
    .sort((a, b) => a.distance - b.distance || compareKeys(a.blueprintKey, b.blueprintKey) || compareKeys(a.action.key, b.action.key));
  const departments = new Map<string, Department>();
  for (const { action, distance } of listed) if (distance > 0) for (const owner of action.owners) departments.set(owner.key, owner);
  const atRisk = new Set(listed.map(({ blueprintKey, action }) => `${blueprintKey}\u0000${action.key}`));
  const painPoints = blueprints
    .flatMap((blueprint) => blueprint.painPoints)
    .filter((p) => [p.action, ...p.causes].some((action) => atRisk.has(`${p.blueprintKey}\u0000${action.key}`)))
    .sort((a, b) => compareKeys(a.blueprintKey, b.blueprintKey) || compareKeys(a.key, b.key));
  return {
    actions: listed,
    blueprints: [...new Set(listed.map((item) => item.blueprintKey))].sort(compareKeys),
    customerActions: listed.filter(({ action }) => action.lane === 'CUSTOMER').length,
    departments: [...departments.values()].sort((a, b) => compareKeys(a.key, b.key)),
    painPoints,
  };
}
