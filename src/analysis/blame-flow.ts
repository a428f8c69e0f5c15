/**
 * The blame flow of docs/domain.md, as pure functions over an in-memory action graph.
 *
 * Mass moves depth by depth: at each depth we hold the mass that every action
 * received at that depth, so the work is linear in the edges walked
 * (at most maxDepth x edges), never in the number of walks, which grows
 * exponentially on graphs with cycles or diamonds.
 */

export type Lane = 'CUSTOMER' | 'FRONTSTAGE' | 'BACKSTAGE' | 'SUPPORT';

export interface FlowAction {
  key: string;
  lane: Lane;
  /** Distinct owning department keys (role's, explicit, process's, systems'). */
  owners: readonly string[];
  /** Keys of the actions this one depends on, in document order, without repeats. */
  dependsOn: readonly string[];
}

/** The actions of one blueprint, by key. Dependencies never leave a blueprint. */
export type FlowGraph = ReadonlyMap<string, FlowAction>;

export interface FlowSource {
  impact: number;
  /** The pain point's causes, or the action it occurs at. */
  entries: readonly string[];
}

export interface FlowParams {
  retention: number;
  maxDepth: number;
}

export const DEFAULT_FLOW_PARAMS: FlowParams = { retention: 0.5, maxDepth: 6 };

export interface FlowNode {
  /** The smallest depth at which mass reached the action. */
  depth: number;
  received: number;
  kept: number;
}

export interface FlowResult {
  impact: number;
  unattributed: number;
  /** Department key -> mass attributed to it. */
  departments: Map<string, number>;
  /** Action key -> what it received and kept, over all depths. */
  nodes: Map<string, FlowNode>;
  /** Edge (see edgeId) -> mass passed along it, over all depths. */
  edges: Map<string, number>;
}

const EDGE_SEPARATOR = '\u0000';

export function edgeId(from: string, to: string): string {
  return from + EDGE_SEPARATOR + to;
}

export function edgeEnds(id: string): [string, string] {
  const at = id.indexOf(EDGE_SEPARATOR);
  return [id.slice(0, at), id.slice(at + 1)];
}

/** The impact of a pain point: severity x frequency. */
export function impactOf(severity: number, frequency: number): number {
  return severity * frequency;
}

/**
 * The share of the mass that action `action` keeps when it receives mass at
 * `depth`: all of it when it cannot pass (no dependencies, or the depth limit),
 * none for a customer action that can pass, `retention` otherwise.
 */
export function keptFraction(action: FlowAction, depth: number, params: FlowParams): number {
  if (action.dependsOn.length === 0 || depth >= params.maxDepth) return 1;
  return action.lane === 'CUSTOMER' ? 0 : params.retention;
}

function requireAction(graph: FlowGraph, key: string): FlowAction {
  const action = graph.get(key);
  if (!action) throw new Error(`blame flow: unknown action "${key}"`);
  return action;
}

export function blameFlow(graph: FlowGraph, source: FlowSource, params: FlowParams): FlowResult {
  const result: FlowResult = {
    impact: source.impact,
    unattributed: 0,
    departments: new Map(),
    nodes: new Map(),
    edges: new Map(),
  };
  if (source.entries.length === 0) {
    result.unattributed = source.impact;
    return result;
  }

  let frontier = new Map<string, number>();
  const entryMass = source.impact / source.entries.length;
  for (const key of source.entries) {
    frontier.set(key, (frontier.get(key) ?? 0) + entryMass);
  }

  for (let depth = 0; frontier.size > 0; depth++) {
    const next = new Map<string, number>();
    for (const [key, mass] of frontier) {
      const action = requireAction(graph, key);
      const keptShare = keptFraction(action, depth, params);
      const kept = mass * keptShare;
      const passed = mass - kept;

      const node = result.nodes.get(key);
      if (node) {
        node.received += mass;
        node.kept += kept;
      } else {
        result.nodes.set(key, { depth, received: mass, kept });
      }

      if (kept > 0) attribute(result, action, kept);
      if (keptShare < 1) {
        const perDependency = passed / action.dependsOn.length;
        for (const target of action.dependsOn) {
          next.set(target, (next.get(target) ?? 0) + perDependency);
          const id = edgeId(key, target);
          result.edges.set(id, (result.edges.get(id) ?? 0) + perDependency);
        }
      }
    }
    frontier = next;
  }
  return result;
}

function attribute(result: FlowResult, action: FlowAction, kept: number): void {
  if (action.owners.length === 0) {
    result.unattributed += kept;
    return;
  }
  const perOwner = kept / action.owners.length;
  for (const department of action.owners) {
    result.departments.set(department, (result.departments.get(department) ?? 0) + perOwner);
  }
}
