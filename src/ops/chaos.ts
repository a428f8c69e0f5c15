import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { canonicalDocument } from '../blueprints/canonical-document';
import { log, sleep, startApp, startDatabase } from './stack';
import { EXPORT, IMPORT, Outcome, READS, graphql, percentile, timed, version } from './workload';

/**
 * `npm run chaos`: imports and queries under load while the database is
 * stopped for a while and started again on the same data and port. Then
 * checks that every acknowledged write is stored, that no blueprint is half
 * written, how soon every request succeeds again, and that the app process
 * lived through it. Progress on stderr, the report (markdown) on stdout; the
 * exit code is 1 when a check fails.
 */

const ORG_PREFIX = 'chaos';
const KEYS_PER_WRITER = 4;

interface Sent {
  versions: unknown[];
  /** Index in `versions` of the last version whose import was acknowledged, or -1. */
  lastAcknowledged: number;
}

async function main(): Promise<void> {
  const options = new Command('chaos')
    .option('--before <s>', 'seconds of load before the database stops', Number, 15)
    .option('--outage <s>', 'seconds the database stays down', Number, 10)
    .option('--after <s>', 'seconds of load after it is back', Number, 30)
    .option('--writers <n>', 'clients that import', Number, 3)
    .option('--readers <n>', 'clients that query', Number, 3)
    .parse(process.argv)
    .opts<{ before: number; outage: number; after: number; writers: number; readers: number }>();

  const database = await startDatabase('chaos');
  const app = await startApp(database.uri);
  log(`app pid ${app.pid} at ${app.url}, Neo4j at ${database.uri}`);
  const start = performance.now();
  const now = () => performance.now() - start;
  const outcomes: Outcome[] = [];
  const sent = new Map<string, Sent>();
  let running = true;
  let seed = 0;

  const writer = async (w: number) => {
    for (let i = 0; running; i++) {
      const key = `chaos-${w}-${i % KEYS_PER_WRITER}`;
      const document = version(key, ++seed, ORG_PREFIX);
      const entry = sent.get(key) ?? { versions: [], lastAcknowledged: -1 };
      sent.set(key, entry);
      entry.versions.push(document);
      const answer = await timed(app.url, { query: IMPORT, variables: { document } }, true, start, outcomes);
      if (answer.ok) entry.lastAcknowledged = entry.versions.length - 1;
    }
  };
  const reader = async (r: number) => {
    for (let i = r; running; i++) {
      const stored = [...sent.entries()].filter(([, entry]) => entry.lastAcknowledged >= 0).map(([key]) => key);
      const body = i % 4 === 3 && stored.length > 0 ? { query: EXPORT, variables: { key: stored[i % stored.length] } } : READS[i % READS.length];
      await timed(app.url, body, false, start, outcomes);
    }
  };
  const clients = [
    ...Array.from({ length: options.writers }, (_, w) => writer(w)),
    ...Array.from({ length: options.readers }, (_, r) => reader(r)),
  ];

  await sleep(options.before * 1000);
  const stopping = now();
  log('stopping Neo4j');
  await database.stop();
  const stopped = now();
  log(`Neo4j stopped; starting it again in ${options.outage} s`);
  await sleep(options.outage * 1000);
  await database.restart();
  const back = now();
  log('Neo4j is back');
  await sleep(options.after * 1000);
  running = false;
  await Promise.all(clients);
  log(`load over: ${outcomes.length} requests; checking the stored blueprints`);

  // Every blueprint the API acknowledged holds its last acknowledged version, or a later one whose
  // answer was lost with the connection; any blueprint at all holds one version that was sent whole.
  const stored = ((await graphql(app.url, { query: '{ blueprints { key } }' })).data?.blueprints ?? []) as { key: string }[];
  let acknowledgedKept = 0;
  const lost: string[] = [];
  const halfWritten: string[] = [];
  for (const key of new Set([...sent.keys(), ...stored.map((b) => b.key)])) {
    const entry = sent.get(key) ?? { versions: [], lastAcknowledged: -1 };
    const exported = (await graphql(app.url, { query: EXPORT, variables: { key } })).data?.exportBlueprint ?? null;
    const matches = (from: number) => entry.versions.slice(from).some((document) => isDeepStrictEqual(canonicalDocument(document), exported));
    if (exported && !matches(0)) halfWritten.push(key);
    if (entry.lastAcknowledged < 0) continue;
    if (exported && matches(entry.lastAcknowledged)) acknowledgedKept++;
    else lost.push(key);
  }

  const after = outcomes.filter((o) => o.sentAt >= back);
  const lastFailureAfter = Math.max(back, ...after.filter((o) => !o.ok).map((o) => o.sentAt));
  const lastFailureAnswered = Math.max(0, ...outcomes.filter((o) => !o.ok).map((o) => o.answeredAt));
  const firstImportAfter = Math.min(...outcomes.filter((o) => o.ok && o.write && o.answeredAt > back).map((o) => o.answeredAt));
  const recoverySeconds = (lastFailureAfter - back) / 1000;
  const health = await fetch(`${app.url}/health`).then((response) => response.status, () => 0);
  const alive = !app.exited() && health === 200;
  const failures = new Map<string, number>();
  for (const o of outcomes.filter((o) => !o.ok)) failures.set(o.failure!, (failures.get(o.failure!) ?? 0) + 1);
  const acknowledged = [...sent.values()].filter((entry) => entry.lastAcknowledged >= 0).length;
  const checks = {
    acknowledged: lost.length === 0,
    whole: halfWritten.length === 0,
    recovered: recoverySeconds <= 5,
    alive,
  };

  const out = (line = '') => process.stdout.write(`${line}\n`);
  const share = (list: Outcome[]) => (list.length ? `${((100 * list.filter((o) => o.ok).length) / list.length).toFixed(1)} %` : 'n/a');
  const phase = (from: number, to: number) => outcomes.filter((o) => o.sentAt >= from && o.sentAt < to);
  out('# Chaos: the database stops under load');
  out();
  out(`${options.writers} clients import (REPLACE, ${KEYS_PER_WRITER} blueprints each, 20 to 50 actions), ${options.readers} query;`);
  out(`Neo4j stopped at ${(stopping / 1000).toFixed(1)} s (down at ${(stopped / 1000).toFixed(1)} s), started again after ${options.outage} s, back at ${(back / 1000).toFixed(1)} s; load until ${(now() / 1000).toFixed(1)} s.`);
  out();
  out('| phase (by time sent) | requests | imports | succeeded | p50 ms | p99 ms |');
  out('|---|---|---|---|---|---|');
  for (const [label, from, to] of [
    ['before the stop', 0, stopping],
    ['stopping and down', stopping, back],
    ['after its return', back, Infinity],
  ] as [string, number, number][]) {
    const list = phase(from, to);
    const latency = list.map((o) => o.answeredAt - o.sentAt);
    out(`| ${label} | ${list.length} | ${list.filter((o) => o.write).length} | ${share(list)} | ${percentile(latency, 50).toFixed(0)} | ${percentile(latency, 99).toFixed(0)} |`);
  }
  out();
  out(`Failures by code: ${[...failures].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}; the last failure was answered ${((lastFailureAnswered - back) / 1000).toFixed(1)} s after the database's return, the first import after it acknowledged ${((firstImportAfter - back) / 1000).toFixed(1)} s after.`);
  out();
  out('| check | result | |');
  out('|---|---|---|');
  out(`| acknowledged writes stored | ${acknowledgedKept} of ${acknowledged} blueprints hold their last acknowledged version (or a later one) | ${checks.acknowledged ? 'pass' : `FAIL: ${lost.join(', ')}`} |`);
  out(`| no blueprint half written | ${stored.length} blueprints stored, ${stored.length - halfWritten.length} equal to a version sent whole | ${checks.whole ? 'pass' : `FAIL: ${halfWritten.join(', ')}`} |`);
  out(`| success back to 100 % | ${recoverySeconds.toFixed(1)} s after the database's return (every request sent later succeeded: ${after.filter((o) => o.sentAt > lastFailureAfter).length}) | ${checks.recovered ? 'pass' : 'FAIL'} |`);
  out(`| app never restarted | pid ${app.pid} throughout, ${app.exited() ? 'exited' : 'still running'}, /health ${health} | ${checks.alive ? 'pass' : 'FAIL'} |`);

  await app.stop();
  await database.stop();
  process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
