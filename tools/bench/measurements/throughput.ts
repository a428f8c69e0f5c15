import autocannon from 'autocannon';
import { procStatusBytes, resetPeakMemory } from '../../ops/stack';
import { BenchContext, MeasurementResult } from '../bench-context';
import { ROOT_CAUSES } from './root-causes-query';

interface ThroughputRun {
  request: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  failures: number;
  /** The app's peak resident memory during the run, in bytes. */
  peakRss: number;
}

const CONNECTIONS = [1, 10, 50];

/**
 * Throughput: autocannon against the app at 1, 10 and 50 connections, on the
 * nested read of the target blueprint and on its rootCauses. The app's peak
 * memory is the kernel's high-water mark of its resident set (VmHWM), reset
 * before each run.
 */
export async function measureThroughput(context: BenchContext, nestedRead: string): Promise<MeasurementResult> {
  const app = await context.app();
  const key = context.dataset.target.key;
  const requests = [
    { name: 'nested read of a blueprint', query: nestedRead, variables: { key } },
    { name: 'rootCauses of a blueprint', query: ROOT_CAUSES, variables: { key } },
  ];
  const runs: ThroughputRun[] = [];
  let peakResets = true;
  for (const request of requests) {
    await app.post(request.query, request.variables); // fails loudly on a GraphQL error, which autocannon would count as a 200
    for (const connections of CONNECTIONS) {
      context.progress(`throughput: ${request.name}, ${connections} connection(s), ${context.throughputSeconds} s`);
      peakResets = resetPeakMemory(app.process.pid) && peakResets;
      const result = await autocannon({
        url: `${app.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
        connections,
        duration: context.throughputSeconds,
      });
      runs.push({
        request: request.name,
        connections,
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        failures: result.errors + result.timeouts + result.non2xx,
        peakRss: procStatusBytes(app.process.pid, 'VmHWM'),
      });
    }
  }
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const table = [
    '| request | connections | requests/s | p50 (ms) | p99 (ms) | requests | failures | app peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (run) =>
        `| ${run.request} | ${run.connections} | ${run.requestsPerSecond.toFixed(1)} | ${run.p50} | ${run.p99} | ${run.requests} | ${run.failures} | ${mb(run.peakRss)} |`,
    ),
  ];
  const failures = runs.reduce((sum, run) => sum + run.failures, 0);
  if (failures > 0) context.progress(`throughput: ${failures} failed requests`);
  return {
    name: 'throughput',
    title: `Throughput (autocannon, ${context.throughputSeconds} s per run)`,
    about:
      `Requests per second and latency with 1, 10 and 50 connections kept busy, against the app in its own process. ` +
      (peakResets ? 'Peak RSS is per run (VmHWM reset before each).' : 'Peak RSS is since the app started (this kernel does not allow a reset).'),
    table,
    bars: [],
    data: { runs, peakResets },
  };
}
