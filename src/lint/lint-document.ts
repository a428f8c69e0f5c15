import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { LintFinding as LintFindingModel, LintSeverity } from './models/lint-finding.model';
import { DEFAULT_FLOW_PARAMS, FlowAction, FlowGraph, Lane, blameFlow, impactOf } from '../analysis/blame-flow';

/**
 * Blueprint lint (docs/domain.md, "Blueprint lint"): structural checks a
 * designer runs before a review. Pure, over a valid document: the same code
 * lints stored blueprints, versions and files.
 */

export type LintRule =
  | 'UNOWNED_ACTION'
  | 'STEP_WITHOUT_CUSTOMER'
  | 'DEPENDENCY_CYCLE'
  | 'UNATTRIBUTED_PAIN'
  | 'UNUSED_BACKSTAGE'
  | 'REVERSE_DEPENDENCY';

/** A finding, its rule one of LintRule. */
export type LintFinding = LintFindingModel & { rule: LintRule };

export const LINT_SEVERITY: Record<LintRule, LintSeverity> = {
  UNOWNED_ACTION: LintSeverity.WARNING,
  STEP_WITHOUT_CUSTOMER: LintSeverity.WARNING,
  DEPENDENCY_CYCLE: LintSeverity.WARNING,
  UNATTRIBUTED_PAIN: LintSeverity.WARNING,
  UNUSED_BACKSTAGE: LintSeverity.INFO,
  REVERSE_DEPENDENCY: LintSeverity.INFO,
};

const LANE_ORDER: Record<Lane, number> = { CUSTOMER: 0, FRONTSTAGE: 1, BACKSTAGE: 2, SUPPORT: 3 };

interface LocatedAction {
  key: string;
  lane: Lane;
  name: string;
  path: string;
  /** Whether anything names an owning department: a role, an explicit owner, a process or a system. */
  owned: boolean;
  dependsOn: string[];
}

function actionsOf(document: BlueprintDocument): LocatedAction[] {
  return document.stages.flatMap((stage, s) =>
    stage.steps.flatMap((step, t) =>
      step.actions.map((action, a) => ({
        key: action.key,
        lane: action.lane,
        name: action.name,
        path: `document.stages[${s}].steps[${t}].actions[${a}]`,
        owned: Boolean(action.role || action.department || action.process || (action.systems ?? []).length > 0),
        // A valid document repeats no key in a list, so an item's index here is its index in the document.
        dependsOn: action.dependsOn ?? [],
      })),
    ),
  );
}

/**
 * The sets of two or more actions that all reach each other (strongly
 * connected components, Tarjan's algorithm, iterative so that a long chain
 * cannot overflow the stack), each as its actions in document order.
 */
export function dependencyCycles(actions: LocatedAction[]): LocatedAction[][] {
  const byKey = new Map(actions.map((action) => [action.key, action]));
  const order = new Map(actions.map((action, i) => [action.key, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: LocatedAction[][] = [];
  let next = 0;
  for (const root of actions) {
    if (index.has(root.key)) continue;
    const work: { key: string; edge: number }[] = [{ key: root.key, edge: 0 }];
    index.set(root.key, next);
    low.set(root.key, next++);
    stack.push(root.key);
    onStack.add(root.key);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = byKey.get(frame.key)!.dependsOn.filter((key) => byKey.has(key));
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ key: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.key, Math.min(low.get(frame.key)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].key;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.key)!));
      }
      if (low.get(frame.key) === index.get(frame.key)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.key);
        if (component.length >= 2) {
          components.push(component.sort((a, b) => order.get(a)! - order.get(b)!).map((key) => byKey.get(key)!));
        }
      }
    }
  }
  return components.sort((a, b) => order.get(a[0].key)! - order.get(b[0].key)!);
}

const quoted = (keys: string[]) => keys.map((key) => `"${key}"`).join(', ');
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function lintDocument(document: BlueprintDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  const found = (rule: LintRule, path: string, message: string) => findings.push({ rule, severity: LINT_SEVERITY[rule], path, message });
  const actions = actionsOf(document);
  const byKey = new Map(actions.map((action) => [action.key, action]));

  document.stages.forEach((stage, s) =>
    stage.steps.forEach((step, t) => {
      if (!step.actions.some((action) => action.lane === 'CUSTOMER')) {
        found(
          'STEP_WITHOUT_CUSTOMER',
          `document.stages[${s}].steps[${t}]`,
          `Step "${step.key}" has no CUSTOMER action: add what the customer does at this step, or merge the step into the one it serves.`,
        );
      }
    }),
  );

  const cycleStarts = new Map(dependencyCycles(actions).map((members) => [members[0].key, members]));
  const dependedOn = new Set(actions.flatMap((action) => action.dependsOn));
  for (const action of actions) {
    if (action.lane !== 'CUSTOMER' && !action.owned) {
      found(
        'UNOWNED_ACTION',
        action.path,
        `Action "${action.key}" (${action.lane}) has no owning department: give it a role, a department, a process or a system, ` +
          'so that the blame it keeps is attributed.',
      );
    }
    const cycle = cycleStarts.get(action.key);
    if (cycle) {
      found(
        'DEPENDENCY_CYCLE',
        action.path,
        `Actions ${quoted(cycle.map((member) => member.key))} all reach each other over their dependencies: blame goes round them until maxDepth. ` +
          'Remove the dependency that does not hold, so that the chain has an end.',
      );
    }
    if ((action.lane === 'BACKSTAGE' || action.lane === 'SUPPORT') && !dependedOn.has(action.key)) {
      found(
        'UNUSED_BACKSTAGE',
        action.path,
        `Action "${action.key}" (${action.lane}) is not needed by any action: add the dependency of the action it serves, ` +
          'or remove it if it does not belong to this journey.',
      );
    }
    action.dependsOn.forEach((target, i) => {
      const to = byKey.get(target);
      if (to && LANE_ORDER[to.lane] < LANE_ORDER[action.lane]) {
        found(
          'REVERSE_DEPENDENCY',
          `${action.path}.dependsOn[${i}]`,
          `Action "${action.key}" (${action.lane}) depends on "${target}" in the ${to.lane} lane above it: ` +
            'dependencies run from what is seen to what supports it; check the direction.',
        );
      }
    });
  }

  const graph: FlowGraph = new Map(
    actions.map((action): [string, FlowAction] => [
      action.key,
      { key: action.key, lane: action.lane, owners: action.owned ? ['owner'] : [], dependsOn: action.dependsOn },
    ]),
  );
  (document.painPoints ?? []).forEach((painPoint, p) => {
    const impact = impactOf(painPoint.severity, painPoint.frequency ?? 1);
    const entries = painPoint.causes?.length ? painPoint.causes : [painPoint.action];
    const { unattributed } = blameFlow(graph, { impact, entries }, DEFAULT_FLOW_PARAMS);
    if (unattributed > impact / 2) {
      found(
        'UNATTRIBUTED_PAIN',
        `document.painPoints[${p}]`,
        `Pain point "${painPoint.key}" leaves ${percent(unattributed / impact)} of its impact unattributed: the actions its blame ` +
          'stops at have no owning department. Name its causes, or add the dependencies and owners behind the action it occurs at.',
      );
    }
  });
  return findings.map((finding, i) => ({ finding, i })).sort((a, b) => comparePaths(a.finding.path, b.finding.path) || a.i - b.i).map(({ finding }) => finding);
}

/** Document order of paths: the stages before the pain points, then index by index, a part before what it holds. */
export function comparePaths(a: string, b: string): number {
  const position = (path: string) => [path.startsWith('document.painPoints') ? 1 : 0, ...[...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))];
  const [x, y] = [position(a), position(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
