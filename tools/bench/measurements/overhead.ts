import { isDeepStrictEqual } from 'node:util';
import { BenchContext, MeasurementResult, bar, summaryCells, times } from '../bench-context';
import { sampleAlternately, summarise } from '../statistics';
import { ROOT_CAUSES, rootCausesInProcess } from './root-causes-query';

/**
 * GraphQL overhead: rootCauses end to end over HTTP (the app in its own
 * process) against the same report computed by the same code in this
 * process, straight on the driver, for the target blueprint and for all.
 */
export async function measureOverhead(context: BenchContext): Promise<MeasurementResult> {
  const app = await context.app();
  const { analysis } = context.services;
  const table = ['| scope | case | p50 (ms) | p95 (ms) | runs |', '|---|---|---:|---:|---:|'];
  const bars = [];
  const data: Record<string, unknown> = { scale: context.dataset.scale };
  for (const [scope, key] of [
    ['one blueprint', context.dataset.target.key],
    ['all blueprints', null],
  ] as const) {
    const overHttp = await app.post(ROOT_CAUSES, { key });
    const inProcess = await rootCausesInProcess(analysis, key);
    if (!isDeepStrictEqual(overHttp, inProcess)) throw new Error(`rootCauses (${scope}) over HTTP differs from the in-process answer`);
    context.progress(`GraphQL overhead, rootCauses for ${scope}`);
    const samples = await sampleAlternately(
      { http: () => app.post(ROOT_CAUSES, { key }), inProcess: () => rootCausesInProcess(analysis, key) },
      context.sampling,
    );
    const http = summarise(samples.http);
    const direct = summarise(samples.inProcess);
    table.push(`| ${scope} | over HTTP + GraphQL | ${summaryCells(http)} |`, `| ${scope} | in process, on the driver | ${summaryCells(direct)} |`);
    const p50 = http.median / direct.median;
    const p95 = http.p95 / direct.p95;
    table.push(`| ${scope} | **ratio** | **${times(p50)}** | **${times(p95)}** | |`);
    bars.push(bar(`GraphQL overhead, ${scope}: p50 over HTTP / in process`, p50, 1.3, true));
    bars.push(bar(`GraphQL overhead, ${scope}: p95 over HTTP / in process`, p95, 1.5, true));
    data[scope] = { http, inProcess: direct, p50Ratio: p50, p95Ratio: p95, departments: inProcess.rootCauses.departments.length };
  }
  return {
    name: 'overhead',
    title: `GraphQL overhead (rootCauses, at ${context.dataset.scale}x)`,
    about:
      'The whole request (HTTP, GraphQL parsing and validation, resolvers, JSON) against the same report, chains included, computed in this process by AnalysisService on the driver. Both read Neo4j once.',
    table,
    bars,
    data,
  };
}
