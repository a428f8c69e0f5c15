import { Action, PainPoint } from '../blueprints/models/blueprint.model';
import { Department } from '../blueprints/models/organisation.model';
import { actionId } from './traces';
import { compareKeys } from '../common/compare-keys';
import { Dependents } from './models/decision.models';

/** An action by blueprint and key with its distance, as cypher/dependents.cypher gives it. */
export interface ReachedAction {
  blueprintKey: string;
  key: string;
  distance: number;
}

/**
 * The answer of `dependents` from the actions the walk reached, as clients
 * read them (by actionId), and the pain points that occur at or are caused by
 * one of them: the customer actions, the departments that own the
 * dependents, and the pain points at risk.
 */
export function dependentsAnswer(reached: ReachedAction[], actions: ReadonlyMap<string, Action>, painPoints: PainPoint[]): Dependents {
  const listed = reached
    .filter((item) => actions.has(actionId(item.blueprintKey, item.key)))
    .map((item) => ({ blueprintKey: item.blueprintKey, action: actions.get(actionId(item.blueprintKey, item.key))!, distance: item.distance }))
    .sort((a, b) => a.distance - b.distance || compareKeys(a.blueprintKey, b.blueprintKey) || compareKeys(a.action.key, b.action.key));
  const departments = new Map<string, Department>();
  for (const { action, distance } of listed) if (distance > 0) for (const owner of action.owners) departments.set(owner.key, owner);
  const atRisk = new Set(listed.map(({ blueprintKey, action }) => actionId(blueprintKey, action.key)));
  return {
    actions: listed,
    blueprints: [...new Set(listed.map((item) => item.blueprintKey))].sort(compareKeys),
    customerActions: listed.filter(({ action }) => action.lane === 'CUSTOMER').length,
    departments: [...departments.values()].sort((a, b) => compareKeys(a.key, b.key)),
    painPoints: painPoints
      .filter((p) => [p.action, ...p.causes].some((action) => atRisk.has(actionId(p.blueprintKey, action.key))))
      .sort((a, b) => compareKeys(a.blueprintKey, b.blueprintKey) || compareKeys(a.key, b.key)),
  };
}
