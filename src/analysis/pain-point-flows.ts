import { PainPoint } from '../blueprints/models/blueprint.model';
import { FlowParams, FlowResult, blameFlow } from './blame-flow';
import { BlueprintFlow, sourceOf } from './flow-model';

const results = new WeakMap<PainPoint, Map<string, FlowResult>>();

/**
 * The blame flow of a pain point of `flow`, computed once per pain point and
 * parameters. A kept trace's flow outlives the request (KeptResults), so a
 * question over every blueprint after one changed computes the flows of that
 * one's pain points only. A flow is never changed once made, and callers only
 * read the result, which they share.
 */
export function painPointFlow(flow: BlueprintFlow, painPoint: PainPoint, params: FlowParams): FlowResult {
  let byParams = results.get(painPoint);
  if (!byParams) results.set(painPoint, (byParams = new Map()));
  const key = `${params.retention}\u0000${params.maxDepth}`;
  let result = byParams.get(key);
  if (!result) byParams.set(key, (result = blameFlow(flow.graph, sourceOf(painPoint), params)));
  return result;
}
