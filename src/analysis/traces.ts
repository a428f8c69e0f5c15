import { ActionRow, PainPointRow, actionAssembler, byPosition, keysInOrder, painPointOf } from '../blueprints/blueprint-assembly';
import { Action } from '../blueprints/models/blueprint.model';
import { Department } from '../blueprints/models/organisation.model';
import { compareKeys } from '../common/compare-keys';
import { requestLoader } from '../common/request-loaders';
import { servedRequest } from '../database/causal-consistency';
import { Row } from '../database/executor';
import { FlowAction, FlowGraph, Lane } from './blame-flow';
import { BlueprintFlow, flowActionOf } from './flow-model';

/**
 * Traces as cypher/analysis-traces.cypher and trace-reach.cypher give them,
 * made into the flows the blame arithmetic runs on, and the edges
 * cypher/analysis-edges.cypher gives, made into the graph handoffs are
 * counted over. Pure, but for the actions a trace names and does not hold,
 * read when a client asks for them.
 */

/** The statement that traces the blueprints in scope: which, and their walks. */
export const TRACES_STATEMENT = ['analysis-traces', 'trace-reach'];
/** What TRACES_STATEMENT reads: its scope, the traces the caller keeps, and how many it traces at most. */
export interface TraceRequest {
  key: string | null;
  keys: readonly string[] | null;
  states: readonly string[] | null;
  painPointKeys: readonly string[] | null;
  maxDepth: number;
  /** Blueprint key -> the version whose trace the caller keeps (none is traced again). */
  known: Record<string, number>;
}

/** TRACES_STATEMENT's parameters, every one named (Cypher refuses a statement with one missing). */
export function traceParameters(request: TraceRequest): Record<string, unknown> {
  const { key, keys, states, painPointKeys, maxDepth, known } = request;
  return { key, keys, states, painPointKeys, maxDepth, known };
}

/** The statement that reads actions named by blueprint and key as a trace holds them. */
export const ACTIONS_STATEMENT = ['analysis-actions', 'trace-reach'];

/** A trace's action: an ActionRow with its step's name and its place in document order. */
export interface TraceActionRow extends ActionRow {
  stepName: string;
  /** [stage position, step position, own position]: sorted, document order. */
  order: [number, number, number];
}

/** Actions by `actionId`, read from the database (AnalysisService): those a client asks for that a trace does not hold. */
export type ActionReader = (ids: string[]) => Promise<Map<string, Action>>;

export const actionId = (blueprintKey: string, key: string): string => `${blueprintKey}\u0000${key}`;

export function actionIdParts(id: string): { blueprintKey: string; key: string } {
  const at = id.indexOf('\u0000');
  return { blueprintKey: id.slice(0, at), key: id.slice(at + 1) };
}

function inDocumentOrder(a: { order: number[] }, b: { order: number[] }): number {
  return a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];
}

/**
 * The flow of a traced blueprint. An action at the trace's edge (reached at
 * the depth limit, or only where a pain point occurs) may depend on actions
 * the trace does not hold: the flow never walks on from it, and its
 * `dependsOn` is read, batched per request, only if a client selects it.
 */
export function traceFlow(row: Row, read: ActionReader): BlueprintFlow {
  const blueprintKey = row.key as string;
  const rows = [...(row.actions as TraceActionRow[])].sort(inDocumentOrder);
  const actionOf = actionAssembler();
  const actions = new Map<string, Action>();
  const stepNames = new Map<string, string>();
  rows.forEach((a, position) => {
    actions.set(a.key, { ...actionOf(a), position });
    stepNames.set(a.step, a.stepName);
  });
  const graph = new Map<string, FlowAction>();
  for (const a of rows) {
    const action = actions.get(a.key)!;
    const dependsOn = keysInOrder(a.dependsOn);
    if (dependsOn.every((key) => actions.has(key))) action.dependsOn = dependsOn.map((key) => actions.get(key)!);
    else readWhenAsked(action, dependsOn.map((key) => actionId(blueprintKey, key)), read);
    graph.set(a.key, flowActionOf(action, dependsOn));
  }
  const painPoints = [...(row.painPoints as PainPointRow[])].sort(byPosition).map((p) => painPointOf(p, blueprintKey, actions));
  return { blueprintKey, painPoints, graph, actions, stepNames };
}

/**
 * Makes `action.dependsOn` a read of those actions, made when GraphQL resolves
 * the field (a client selected it): GraphQL awaits the promise it finds. The
 * request's loader reads all the actions asked for in one tick in one query.
 * Outside an HTTP request (a subscription, the command line) each is read alone.
 */
function readWhenAsked(action: Action, ids: string[], read: ActionReader): void {
  // Not enumerable: copying or printing the action reads nothing.
  Object.defineProperty(action, 'dependsOn', {
    enumerable: false,
    get: (): Promise<Action[]> =>
      requestLoader<string, Action | null>(servedRequest() ?? {}, 'trace-actions', read, () => null)
        .loadMany(ids)
        .then((found) => found.filter((one): one is Action => one !== null && !(one instanceof Error))),
  });
}

/** An action of analysis-edges.cypher: its owners as [key, name] pairs, repeats included. */
interface EdgeActionRow {
  key: string;
  lane: string;
  order: [number, number, number];
  owners: [string, string][];
  dependsOn: [number, string][];
}

/** Every action of a blueprint with its owning departments and dependencies, in document order, and those departments. */
export interface BlueprintEdges {
  edges: FlowGraph;
  departments: Map<string, Department>;
}

export function blueprintEdgesOf(row: Row): BlueprintEdges {
  const edges = new Map<string, FlowAction>();
  const departments = new Map<string, Department>();
  for (const a of [...(row.actions as EdgeActionRow[])].sort(inDocumentOrder)) {
    for (const [key, name] of a.owners) if (!departments.has(key)) departments.set(key, { key, name });
    const owners = [...new Set(a.owners.map(([key]) => key))].sort(compareKeys);
    edges.set(a.key, { key: a.key, lane: a.lane as Lane, owners, dependsOn: keysInOrder(a.dependsOn) });
  }
  return { edges, departments };
}
