import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { AppProcess, Database, log, sleep, startApp, startDatabase } from './stack';
import { denseCyclicDocument } from '../bench/dense-cyclic-document';
import { EXPORT, IMPORT, Outcome, READS, percentile, timed, version } from './workload';

/**
 * `npm run soak -- --minutes N`: mixed reads and writes at half the peak
 * rate for N minutes. The peak is measured first with closed-loop clients
 * (or given with --rate). Reports the error rate, the p99 latency of each
 * minute (the last against the first) and the app's resident memory. By
 * default it runs its own Neo4j and app; --url points it at a running app
 * (memory is then not measured). Progress on stderr, the report (markdown)
 * on stdout; the exit code is 1 when a check fails.
 */

const ORG_PREFIX = 'soak';
const BLUEPRINTS = 6;
/** The heaviest read a viewer can make: every chain at depth 20 on a blueprint whose actions each depend on the next ten, in a cycle. */
const DENSE_KEY = 'soak-dense-cyclic';
const DENSE_CHAINS = `query($key: String!) { rootCauses(blueprintKey: $key, maxDepth: 20) {
  departments { department { key } contributions { score chains(limit: 3) { mass actions { key } } } } } }`;

/** One request in this many is an import; the others read. */
const WRITE_EVERY = 5;
/** One read in this many writes' worth of requests is the dense chains question. */
const DENSE_EVERY = 5;
const MAX_IN_FLIGHT = 200;

interface Options {
  minutes: number;
  url?: string;
  rate?: number;
  peakSeconds: number;
  clients: number;
}

async function main(): Promise<void> {
  const options = new Command('soak')
    .option('--minutes <n>', 'minutes of load at half the peak rate', Number, 10)
    .option('--url <url>', 'a running app instead of one started here')
    .option('--rate <n>', 'requests per second to hold, instead of half the measured peak', Number)
    .option('--peak-seconds <s>', 'seconds of the peak measurement', Number, 20)
    .option('--clients <n>', 'closed-loop clients of the peak measurement', Number, 8)
    .parse(process.argv)
    .opts<Options>();

  let database: Database | undefined;
  let app: AppProcess | undefined;
  if (!options.url) {
    database = await startDatabase('soak');
    app = await startApp(database.uri);
    log(`app pid ${app.pid} at ${app.url}`);
  }
  const url = options.url ?? app!.url;
  let seed = 0;
  const keys = Array.from({ length: BLUEPRINTS }, (_, i) => `soak-${i}`);
  for (const key of keys) await timed(url, { query: IMPORT, variables: { document: version(key, ++seed, ORG_PREFIX) } }, true, 0, []);
  await timed(url, { query: IMPORT, variables: { document: denseCyclicDocument({ key: DENSE_KEY, orgPrefix: ORG_PREFIX }) } }, true, 0, []);

  let counter = 0;
  /** The next request of the mix, and whether it writes. */
  const next = (): [{ query: string; variables?: Record<string, unknown> }, boolean] => {
    const n = counter++;
    const key = keys[n % keys.length];
    if (n % WRITE_EVERY === 0) return [{ query: IMPORT, variables: { document: version(key, ++seed, ORG_PREFIX) } }, true];
    if (n % WRITE_EVERY === 1) return [{ query: EXPORT, variables: { key } }, false];
    if (n % (WRITE_EVERY * DENSE_EVERY) === 2) return [{ query: DENSE_CHAINS, variables: { key: DENSE_KEY } }, false];
    return [READS[n % READS.length], false];
  };

  let rate = options.rate;
  if (!rate) {
    log(`measuring the peak: ${options.clients} clients for ${options.peakSeconds} s`);
    const peakOutcomes: Outcome[] = [];
    const start = performance.now();
    const end = start + options.peakSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (performance.now() < end) {
          const [body, write] = next();
          await timed(url, body, write, start, peakOutcomes);
        }
      }),
    );
    const peak = peakOutcomes.filter((o) => o.ok).length / ((performance.now() - start) / 1000);
    rate = peak / 2;
    log(`peak ${peak.toFixed(1)} requests/s; holding ${rate.toFixed(1)} for ${options.minutes} min`);
  }

  const outcomes: Outcome[] = [];
  const memory: { at: number; bytes: number }[] = [];
  const start = performance.now();
  const duration = options.minutes * 60_000;
  const sampler = setInterval(() => app && !app.exited() && memory.push({ at: performance.now() - start, bytes: app.rss() }), 5_000);
  if (app) memory.push({ at: 0, bytes: app.rss() });
  let inFlight = 0;
  let skipped = 0;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; ; i++) {
    const due = start + (i * 1000) / rate;
    if (due - start >= duration) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped++;
      continue;
    }
    const [body, write] = next();
    inFlight++;
    pending.push(timed(url, body, write, start, outcomes).finally(() => inFlight--));
    if (i % Math.round(rate * 60) === 0 && i > 0) log(`${Math.round((performance.now() - start) / 60_000)} min, ${outcomes.length} answered`);
  }
  await Promise.all(pending);
  clearInterval(sampler);

  const minutes = Array.from({ length: options.minutes }, (_, m) => outcomes.filter((o) => o.sentAt >= m * 60_000 && o.sentAt < (m + 1) * 60_000));
  const latency = (list: Outcome[]) => list.map((o) => o.answeredAt - o.sentAt);
  const errors = outcomes.filter((o) => !o.ok);
  const errorShare = errors.length / Math.max(1, outcomes.length);
  const firstP99 = percentile(latency(minutes[0]), 99);
  const lastP99 = percentile(latency(minutes[minutes.length - 1]), 99);
  const inMinute = (m: number) => memory.filter((s) => s.at >= m * 60_000 && s.at < (m + 1) * 60_000).map((s) => s.bytes);
  const firstRss = percentile(inMinute(0), 50);
  const lastRss = percentile(inMinute(options.minutes - 1), 50);
  const growth = (lastRss - firstRss) / firstRss;
  const checks = {
    errors: errorShare < 0.01 && skipped === 0,
    latency: lastP99 <= 1.2 * firstP99,
    memory: !app || growth < 0.1,
    alive: !app || !app.exited(),
  };

  const out = (line = '') => process.stdout.write(`${line}\n`);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  out(`# Soak: ${options.minutes} min at ${rate.toFixed(1)} requests/s (half the peak${options.rate ? ', as given' : ''})`);
  out();
  out(`Mix: one request in ${WRITE_EVERY} imports (REPLACE of one of ${BLUEPRINTS} blueprints, 20 to 50 actions, a new version each time), one exports, one in ${WRITE_EVERY * DENSE_EVERY} asks every chain at depth 20 of a dense cyclic blueprint (300 actions, each depending on the next ten), the others read the list, root causes and handoffs.`);
  out();
  out('| minute | requests | errors | p50 ms | p99 ms | app RSS (median) |');
  out('|---|---|---|---|---|---|');
  minutes.forEach((list, m) => {
    const rss = percentile(inMinute(m), 50);
    out(`| ${m + 1} | ${list.length} | ${list.filter((o) => !o.ok).length} | ${percentile(latency(list), 50).toFixed(0)} | ${percentile(latency(list), 99).toFixed(0)} | ${Number.isNaN(rss) ? 'n/a' : mb(rss)} |`);
  });
  out();
  out('| check | result | |');
  out('|---|---|---|');
  out(`| errors under 1 % | ${errors.length} of ${outcomes.length} (${(100 * errorShare).toFixed(2)} %)${skipped ? `, ${skipped} not sent (${MAX_IN_FLIGHT} in flight)` : ''}${errors.length ? `: ${[...new Set(errors.map((o) => o.failure))].join(', ')}` : ''} | ${checks.errors ? 'pass' : 'FAIL'} |`);
  out(`| p99 of the last minute within 1.2x of the first | ${lastP99.toFixed(0)} ms against ${firstP99.toFixed(0)} ms (${(lastP99 / firstP99).toFixed(2)}x) | ${checks.latency ? 'pass' : 'FAIL'} |`);
  out(app ? `| memory growth under 10 % | ${mb(firstRss)} in the first minute, ${mb(lastRss)} in the last (${(100 * growth).toFixed(1)} %) | ${checks.memory ? 'pass' : 'FAIL'} |` : '| memory growth | not measured (--url) | |');
  if (app) out(`| app never restarted | pid ${app.pid}, ${app.exited() ? 'exited' : 'still running'} | ${checks.alive ? 'pass' : 'FAIL'} |`);

  await app?.stop();
  await database?.stop();
  process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
