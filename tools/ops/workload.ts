import { performance } from 'node:perf_hooks';
import { generateDocument } from '../bench/synthetic-documents';

/** The requests the chaos and soak scripts send, and what they record of each. */

export const IMPORT = `mutation($document: BlueprintDocumentInput!) {
  importBlueprint(document: $document, mode: REPLACE) { created blueprint { key } } }`;

export const EXPORT = `query($key: String!) { exportBlueprint(key: $key) {
  key name description state persona { name description }
  departments { key name } roles { key name department } systems { key name department } processes { key name department }
  stages { key name steps { key name evidence actions {
    key lane name description channel touchpoint emotion role department process systems dependsOn } } }
  painPoints { key title description action causes severity frequency category } } }`;

/** Reads a dashboard would make: the list, the ranking, the handoffs, one blueprint's tree. */
export const READS = [
  { query: '{ blueprints { key name } }' },
  { query: '{ rootCauses { totalImpact departments { rank department { key } score share } } }' },
  { query: '{ departmentDependencies { from { key } to { key } handoffs impact } }' },
];

export interface Outcome {
  /** When it was sent and answered, in ms since the workload's start. */
  sentAt: number;
  answeredAt: number;
  ok: boolean;
  /** `extensions.code` of the first error, or the HTTP or network failure. */
  failure?: string;
  write: boolean;
}

export interface Answer {
  ok: boolean;
  data?: any;
  failure?: string;
}

export async function graphql(url: string, body: { query: string; variables?: Record<string, unknown> }): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const payload = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string }; message: string }[] };
    if (payload.errors?.length) return { ok: false, failure: payload.errors[0].extensions?.code ?? payload.errors[0].message };
    return { ok: response.ok, data: payload.data, failure: response.ok ? undefined : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, failure: (error as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(error as Error).message}` };
  }
}

/** Sends one request and records it against the workload's clock. */
export async function timed(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
  write: boolean,
  start: number,
  outcomes: Outcome[],
): Promise<Answer> {
  const sentAt = performance.now() - start;
  const answer = await graphql(url, body);
  outcomes.push({ sentAt, answeredAt: performance.now() - start, ok: answer.ok, failure: answer.failure, write });
  return answer;
}

/** A new version of a blueprint: same key, another seed, so a REPLACE changes its nodes. */
export function version(key: string, seed: number, orgPrefix: string) {
  return generateDocument({ key, actions: 20 + (seed % 4) * 10, dependencies: 25, seed, orgPrefix });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
