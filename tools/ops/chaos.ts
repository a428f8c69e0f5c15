import * as fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Command, Option } from 'commander';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { AppProcess, log, sleep, startApp, startDatabase, startEmbeddedApp } from './stack';
import { EXPORT, IMPORT, Outcome, READS, graphql, percentile, timed, version } from './workload';

/**
 * `npm run chaos`: imports and queries under load while the database fails,
 * in two scenarios (`--scenario stop|kill|all`, all unless told):
 *  - stop: a Neo4j of the script's own, which the app is pointed at, is
 *    stopped for a while and started again on the same data and port;
 *  - kill: the app runs its embedded Neo4j, whose JVM is killed (SIGKILL);
 *    the app's supervisor starts it again, and the load goes on until every
 *    request succeeds again (for at most 90 s).
 * Then checks that every acknowledged write is stored, that no blueprint is
 * half written, how soon every request succeeds again, and that the app
 * process lived through it. Progress on stderr, the report (markdown) on
 * stdout; the exit code is 1 when a check fails.
 */

const ORG_PREFIX = 'chaos';
const KEYS_PER_WRITER = 4;
/** The bar for success back to 100 %: seconds from the database's return (stop), from the kill (kill). */
const STOP_RECOVERY_BAR_S = 5;
const KILL_RECOVERY_BAR_S = 60;
/** After the kill, the load goes on until every request succeeds again, but no longer than this. */
const KILL_GIVE_UP_S = 90;

interface Options {
  scenario: 'stop' | 'kill' | 'all';
  before: number;
  outage: number;
  after: number;
  settle: number;
  writers: number;
  readers: number;
}

interface Sent {
  versions: unknown[];
  /** Index in `versions` of the last version whose import was acknowledged, or -1. */
  lastAcknowledged: number;
}

/** Writers that import (REPLACE) new versions of their blueprints, readers that query, until finish(). */
interface Load {
  /** ms since the load started, the clock of `outcomes`. */
  now(): number;
  outcomes: Outcome[];
  sent: Map<string, Sent>;
  /** Per client, its answered requests in order. */
  history: Outcome[][];
  /** Stops sending and waits for the answers still out. */
  finish(): Promise<void>;
}

function startLoad(url: string, options: Options): Load {
  const start = performance.now();
  const now = () => performance.now() - start;
  const outcomes: Outcome[] = [];
  const sent = new Map<string, Sent>();
  const history: Outcome[][] = Array.from({ length: options.writers + options.readers }, () => []);
  let running = true;
  let seed = 0;

  const send = async (client: number, body: { query: string; variables?: Record<string, unknown> }, write: boolean) => {
    const answered: Outcome[] = [];
    const answer = await timed(url, body, write, start, answered);
    outcomes.push(...answered);
    history[client].push(...answered);
    return answer;
  };
  const writer = async (client: number, w: number) => {
    for (let i = 0; running; i++) {
      const key = `chaos-${w}-${i % KEYS_PER_WRITER}`;
      const document = version(key, ++seed, ORG_PREFIX);
      const entry = sent.get(key) ?? { versions: [], lastAcknowledged: -1 };
      sent.set(key, entry);
      entry.versions.push(document);
      const answer = await send(client, { query: IMPORT, variables: { document } }, true);
      if (answer.ok) entry.lastAcknowledged = entry.versions.length - 1;
    }
  };
  const reader = async (client: number, r: number) => {
    for (let i = r; running; i++) {
      const stored = [...sent.entries()].filter(([, entry]) => entry.lastAcknowledged >= 0).map(([key]) => key);
      const body = i % 4 === 3 && stored.length > 0 ? { query: EXPORT, variables: { key: stored[i % stored.length] } } : READS[i % READS.length];
      await send(client, body, false);
    }
  };
  const clients = [
    ...Array.from({ length: options.writers }, (_, w) => writer(w, w)),
    ...Array.from({ length: options.readers }, (_, r) => reader(options.writers + r, r)),
  ];
  return {
    now,
    outcomes,
    sent,
    history,
    finish: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}

interface Wrapup {
  /** Blueprints in the store, and those whose content is no version sent whole. */
  stored: number;
  halfWritten: string[];
  /** Blueprints with an acknowledged import, those holding their last acknowledged version or a later one, the others. */
  acknowledged: number;
  kept: number;
  lost: string[];
  /** The app's /health status at the end, 0 when it did not answer. */
  health: number;
}

/** Ends the load and reads, through the app, what it stored. */
async function wrapUp(load: Load, url: string): Promise<Wrapup> {
  await load.finish();
  log(`load over: ${load.outcomes.length} requests; checking the stored blueprints`);
  // Every blueprint the API acknowledged holds its last acknowledged version, or a later one whose
  // answer was lost with the connection; any blueprint at all holds one version that was sent whole.
  const stored = ((await graphql(url, { query: '{ blueprints { key } }' })).data?.blueprints ?? []) as { key: string }[];
  let kept = 0;
  const lost: string[] = [];
  const halfWritten: string[] = [];
  for (const key of new Set([...load.sent.keys(), ...stored.map((b) => b.key)])) {
    const entry = load.sent.get(key) ?? { versions: [], lastAcknowledged: -1 };
    const exported = (await graphql(url, { query: EXPORT, variables: { key } })).data?.exportBlueprint ?? null;
    const matches = (from: number) => entry.versions.slice(from).some((document) => isDeepStrictEqual(canonicalDocument(document), exported));
    if (exported && !matches(0)) halfWritten.push(key);
    if (entry.lastAcknowledged < 0) continue;
    if (exported && matches(entry.lastAcknowledged)) kept++;
    else lost.push(key);
  }
  const acknowledged = [...load.sent.values()].filter((entry) => entry.lastAcknowledged >= 0).length;
  const health = await fetch(`${url}/health`).then((response) => response.status, () => 0);
  return { stored: stored.length, halfWritten, acknowledged, kept, lost, health };
}

interface Check {
  name: string;
  result: string;
  pass: boolean;
  /** Shown after FAIL. */
  detail?: string;
}

/** The checks both scenarios make: acknowledged writes stored, none half written, the app alive. */
function commonChecks(wrapup: Wrapup, app: AppProcess, recovery: Check): Check[] {
  const { stored, halfWritten, acknowledged, kept, lost, health } = wrapup;
  return [
    {
      name: 'acknowledged writes stored',
      result: `${kept} of ${acknowledged} blueprints hold their last acknowledged version (or a later one)`,
      pass: lost.length === 0,
      detail: lost.join(', '),
    },
    {
      name: 'no blueprint half written',
      result: `${stored} blueprints stored, ${stored - halfWritten.length} equal to a version sent whole`,
      pass: halfWritten.length === 0,
      detail: halfWritten.join(', '),
    },
    recovery,
    {
      name: 'app never restarted',
      result: `pid ${app.pid} throughout, ${app.exited() ? 'exited' : 'still running'}, /health ${health}`,
      pass: !app.exited() && health === 200,
    },
  ];
}

interface Report {
  title: string;
  /** What happened when, after the line on the load. */
  story: string;
  /** Label, from, to: requests by the time they were sent. */
  phases: [string, number, number][];
  /** Follows the failures by code. */
  failures: string;
  checks: Check[];
}

/** Prints the report; whether every check passed. */
function printReport(load: Load, options: Options, report: Report): boolean {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const share = (list: Outcome[]) => (list.length ? `${((100 * list.filter((o) => o.ok).length) / list.length).toFixed(1)} %` : 'n/a');
  const failures = new Map<string, number>();
  for (const o of load.outcomes.filter((o) => !o.ok)) failures.set(o.failure!, (failures.get(o.failure!) ?? 0) + 1);
  out(`# Chaos: ${report.title}`);
  out();
  out(`${options.writers} clients import (REPLACE, ${KEYS_PER_WRITER} blueprints each, 20 to 50 actions), ${options.readers} query;`);
  out(report.story);
  out();
  out('| phase (by time sent) | requests | imports | succeeded | p50 ms | p99 ms |');
  out('|---|---|---|---|---|---|');
  for (const [label, from, to] of report.phases) {
    const list = load.outcomes.filter((o) => o.sentAt >= from && o.sentAt < to);
    const latency = list.map((o) => o.answeredAt - o.sentAt);
    out(`| ${label} | ${list.length} | ${list.filter((o) => o.write).length} | ${share(list)} | ${percentile(latency, 50).toFixed(0)} | ${percentile(latency, 99).toFixed(0)} |`);
  }
  out();
  out(`Failures by code: ${[...failures].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}; ${report.failures}`);
  out();
  out('| check | result | |');
  out('|---|---|---|');
  for (const check of report.checks) out(`| ${check.name} | ${check.result} | ${check.pass ? 'pass' : `FAIL${check.detail ? `: ${check.detail}` : ''}`} |`);
  out();
  return report.checks.every((check) => check.pass);
}

/** ms as seconds with one decimal, "never" for no such moment. */
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never');

async function stopScenario(options: Options): Promise<boolean> {
  const database = await startDatabase('chaos');
  let app: AppProcess | undefined;
  try {
    app = await startApp(database.uri);
    log(`app pid ${app.pid} at ${app.url}, Neo4j at ${database.uri}`);
    const load = startLoad(app.url, options);

    await sleep(options.before * 1000);
    const stopping = load.now();
    log('stopping Neo4j');
    await database.stop();
    const stopped = load.now();
    log(`Neo4j stopped; starting it again in ${options.outage} s`);
    await sleep(options.outage * 1000);
    await database.restart();
    const back = load.now();
    log('Neo4j is back');
    await sleep(options.after * 1000);
    const wrapup = await wrapUp(load, app.url);

    const { outcomes } = load;
    const after = outcomes.filter((o) => o.sentAt >= back);
    const lastFailureAfter = Math.max(back, ...after.filter((o) => !o.ok).map((o) => o.sentAt));
    const lastFailureAnswered = Math.max(0, ...outcomes.filter((o) => !o.ok).map((o) => o.answeredAt));
    const firstImportAfter = Math.min(...outcomes.filter((o) => o.ok && o.write && o.answeredAt > back).map((o) => o.answeredAt));
    const recoverySeconds = (lastFailureAfter - back) / 1000;
    return printReport(load, options, {
      title: 'the database stops under load',
      story:
        `Neo4j stopped at ${(stopping / 1000).toFixed(1)} s (down at ${(stopped / 1000).toFixed(1)} s), started again after ${options.outage} s, ` +
        `back at ${(back / 1000).toFixed(1)} s; load until ${(load.now() / 1000).toFixed(1)} s.`,
      phases: [
        ['before the stop', 0, stopping],
        ['stopping and down', stopping, back],
        ['after its return', back, Infinity],
      ],
      failures:
        `the last failure was answered ${((lastFailureAnswered - back) / 1000).toFixed(1)} s after the database's return, ` +
        `the first import after it acknowledged ${((firstImportAfter - back) / 1000).toFixed(1)} s after.`,
      checks: commonChecks(wrapup, app, {
        name: 'success back to 100 %',
        result: `${recoverySeconds.toFixed(1)} s after the database's return (every request sent later succeeded: ${after.filter((o) => o.sentAt > lastFailureAfter).length})`,
        pass: recoverySeconds <= STOP_RECOVERY_BAR_S,
      }),
    });
  } finally {
    await app?.stop();
    await database.stop();
  }
}

/**
 * Waits until every client's latest request was sent after `since` and after
 * the last failure, and succeeded, and then that this holds for `settleS`
 * seconds; false when it does not hold KILL_GIVE_UP_S after `since`.
 */
async function untilEveryRequestSucceeds(load: Load, since: number, settleS: number): Promise<boolean> {
  let allSince: number | undefined;
  for (;;) {
    const now = load.now();
    const calm = Math.max(since, ...load.outcomes.filter((o) => !o.ok).map((o) => o.sentAt));
    const everyClient = load.history.every((requests) => requests.length > 0 && requests[requests.length - 1].ok && requests[requests.length - 1].sentAt > calm);
    allSince = everyClient ? (allSince ?? now) : undefined;
    if (allSince !== undefined && now - allSince >= settleS * 1000) return true;
    if (now - since >= (allSince === undefined ? KILL_GIVE_UP_S : KILL_GIVE_UP_S + settleS) * 1000) return false;
    await sleep(250);
  }
}

async function killScenario(options: Options): Promise<boolean> {
  const app = await startEmbeddedApp('chaos');
  try {
    log(`app pid ${app.pid} at ${app.url}, its embedded Neo4j at ${app.boltUri} (pid ${app.jvmPid()}, data in ${app.dataDir})`);
    const load = startLoad(app.url, options);

    await sleep(options.before * 1000);
    const jvm = app.jvmPid();
    if (jvm === undefined) throw new Error(`no java process has ${app.dataDir} on its command line`);
    const killed = load.now();
    process.kill(jvm, 'SIGKILL');
    log(`killed the embedded Neo4j (pid ${jvm}) with SIGKILL; load until every request succeeds again, for at most ${KILL_GIVE_UP_S} s`);
    const settled = await untilEveryRequestSucceeds(load, killed, options.settle);
    const restartedAs = app.jvmPid();
    log(settled ? `every request succeeds again; the embedded Neo4j runs as pid ${restartedAs}` : `gave up ${KILL_GIVE_UP_S} s after the kill`);
    const wrapup = await wrapUp(load, app.url);

    const appLog = fs.readFileSync(app.logFile, 'utf8');
    const exitLine = new RegExp(`The embedded Neo4j \\(pid ${jvm}\\) exited unexpectedly \\([^)]*\\)`).exec(appLog)?.[0];
    const backAfter = /The embedded Neo4j is back on \S+ \(pid \d+\), ([\d.]+) s after it exited/.exec(appLog)?.[1];
    const { outcomes } = load;
    const firstOk = (list: Outcome[]) => Math.min(...list.filter((o) => o.ok && o.sentAt >= killed).map((o) => o.answeredAt));
    const firstSuccess = firstOk(outcomes);
    const firstImport = firstOk(outcomes.filter((o) => o.write));
    const outAtKill = outcomes.filter((o) => o.sentAt < killed && o.answeredAt > killed);
    const failed = outcomes.filter((o) => !o.ok && o.answeredAt > killed);
    const lastFailureAnswered = Math.max(killed, ...failed.map((o) => o.answeredAt));
    // From then on no request failed, and every client had had a request sent after the kill succeed.
    const allSucceeding = settled ? Math.max(lastFailureAnswered, ...load.history.map(firstOk)) : Infinity;
    return printReport(load, options, {
      title: 'the embedded database is killed',
      story:
        `the app runs its embedded Neo4j (data in ${app.dataDir}, Bolt on ${app.boltUri}); its JVM, pid ${jvm}, was killed (SIGKILL) at ${seconds(killed)}; ` +
        `the app started it again (pid ${restartedAs ?? 'none'}${backAfter ? `, back ${backAfter} s after it exited, by the app's log` : ''}); ` +
        `load until ${seconds(load.now())}, ${settled ? `every client's requests succeeding for the last ${options.settle} s` : `given up ${KILL_GIVE_UP_S} s after the kill`}.`,
      phases: [
        ['before the kill', 0, killed],
        ['killed, until the first success', killed, firstSuccess],
        ['after the first success', firstSuccess, Infinity],
      ],
      failures:
        `${outAtKill.length} requests were out at the kill (${outAtKill.filter((o) => o.ok).length} succeeded, the last answered ${seconds(Math.max(killed, ...outAtKill.map((o) => o.answeredAt)) - killed)} after it); ` +
        `of those sent after it, the first success was answered ${seconds(firstSuccess - killed)} after the kill, the first acknowledged import ${seconds(firstImport - killed)} after; ` +
        (failed.length ? `the last failure was answered ${seconds(lastFailureAnswered - killed)} after.` : 'no request failed.'),
      checks: [
        ...commonChecks(wrapup, app, {
          name: 'success back to 100 %',
          result:
            `first success ${seconds(firstSuccess - killed)} after the kill; every client succeeding, no failure later, ${seconds(allSucceeding - killed)} after it ` +
            `(${outcomes.filter((o) => o.answeredAt > allSucceeding).length} requests answered later; bar ${KILL_RECOVERY_BAR_S} s)`,
          pass: allSucceeding - killed <= KILL_RECOVERY_BAR_S * 1000,
        }),
        {
          name: 'the app logged the exit',
          result: exitLine ? `"${exitLine}" in ${app.logFile}` : `no "exited unexpectedly" line for pid ${jvm} in ${app.logFile}`,
          pass: exitLine !== undefined,
        },
      ],
    });
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const options = new Command('chaos')
    .addOption(
      new Option('--scenario <name>', 'stop: the database stops and starts again; kill: the embedded one is killed')
        .choices(['stop', 'kill', 'all'])
        .default('all'),
    )
    .option('--before <s>', 'seconds of load before the database stops or is killed', Number, 15)
    .option('--outage <s>', 'stop: seconds the database stays down', Number, 10)
    .option('--after <s>', 'stop: seconds of load after it is back', Number, 30)
    .option('--settle <s>', 'kill: seconds of every request succeeding before the load ends', Number, 10)
    .option('--writers <n>', 'clients that import', Number, 3)
    .option('--readers <n>', 'clients that query', Number, 3)
    .parse(process.argv)
    .opts<Options>();

  let pass = true;
  if (options.scenario !== 'kill') pass = (await stopScenario(options)) && pass;
  if (options.scenario !== 'stop') pass = (await killScenario(options)) && pass;
  process.exitCode = pass ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
