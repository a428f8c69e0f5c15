import { FormattedExecutionResult } from 'graphql';

/** The JSON each kept response was sent as, by the response's `data`, which every repeat answers with as it is. */
const keptJson = new WeakMap<object, { result: FormattedExecutionResult; json: string }>();

/**
 * Apollo's serialisation of a response (its `stringifyResult`: JSON and a
 * newline), except that a kept response is sent as the JSON it was kept
 * with: serialising a dashboard's thousands of department pairs again on
 * every repeat cost more than the rest of answering it, and left as much
 * garbage behind. Apollo passes the response's fields in a new object, so the
 * kept one is found by its `data`, and must carry the same errors and extensions.
 */
export function responseJson(result: FormattedExecutionResult): string {
  const kept = result.data ? keptJson.get(result.data) : undefined;
  if (kept && kept.result.errors === result.errors && kept.result.extensions === result.extensions) return kept.json;
  return JSON.stringify(result) + '\n';
}

/**
 * Serialises a response once, for sending now and to keep: returns a copy to
 * keep (parsed JSON: GraphQL builds results of objects without a prototype,
 * which serialise about twice as slowly) and the JSON, which `responseJson`
 * then sends for the response and for its copy alike.
 */
export function keptCopy(sent: FormattedExecutionResult): { result: FormattedExecutionResult; json: string } {
  const json = responseJson(sent);
  const result = JSON.parse(json) as FormattedExecutionResult;
  for (const answer of [sent, result]) if (answer.data) keptJson.set(answer.data, { result: answer, json });
  return { result, json };
}
