import 'reflect-metadata';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, InvalidArgumentError } from 'commander';
import { BlueprintStore } from '../../src/blueprints/blueprint-store';
import { BlueprintsModule } from '../../src/blueprints/blueprints.module';
import { BlueprintsService } from '../../src/blueprints/blueprints.service';
import { checkDocument } from '../../src/blueprints/document-validation';
import { ImportMode } from '../../src/blueprints/models/enums';
import { openBenchDatabase } from './bench-database';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { DatabaseLifecycle, DatabaseModule } from '../../src/database/database.module';
import { EmbeddedNeo4jError } from '../../src/database/embedded-neo4j';
import { Neo4jExecutor } from '../../src/database/executor';
import { elementCount, naiveImport } from './naive-import';
import { SyntheticDocument, generateDocument, organisation } from './synthetic-documents';

/**
 * `npm run bench:import`: the batched import against a naive one (one
 * statement per node and relationship) on the same document and database
 * (compareBatchedWithNaive, which `npm run bench` runs too), the batched
 * import of a large document, and many files imported into an empty database
 * against the same files imported again with REPLACE.
 *
 * Progress goes to stderr; the report (markdown) to stdout. By default the
 * embedded Neo4j runs on a fresh data folder of its own (.data/bench/neo4j)
 * and a free port; with NEO4J_URI set, that server is used, and the bench
 * writes and then deletes only blueprints and organisation keys prefixed with
 * its run id.
 */

/** The product's services an import comparison works with. */
export interface ImportServices {
  blueprints: BlueprintsService;
  executor: Neo4jExecutor;
  store: BlueprintStore;
}

export interface ImportComparisonOptions {
  /** Actions and dependencies of the document imported both ways. */
  actions: number;
  dependencies: number;
  /** Timed rounds: one naive import and three batched ones each; the medians are compared. */
  runs: number;
  /** Prefix of every key the comparison writes (and deletes when done). */
  runId: string;
  progress?: (line: string) => void;
}

export interface ImportTimes {
  /** Each timed run, in seconds. */
  seconds: number[];
  /** Nodes and relationships the import writes. */
  elements: number;
  /** Driver queries of one import. */
  roundTrips: number;
}

export interface ImportComparison {
  batched: ImportTimes;
  naive: ImportTimes;
  /** Elements per second of the batched import over the naive one's, by their medians. */
  ratio: number;
  warmUpSeconds: number;
}

/**
 * Untimed rounds (two batched imports and a naive one) before the timed ones,
 * until neither import gets faster: the JVM goes on compiling hot code for
 * several imports, and the naive one's thousands of statements warm paths
 * that the batched one uses too.
 */
const WARM_UP_ROUNDS = { min: 2, max: 5 };

/**
 * The batched import (BlueprintsService.import) against the naive one on the
 * same generated document, in the same database: both warmed up on it, then
 * timed in alternation (a burst of load from elsewhere lands on both), each
 * run into a database without the blueprint. Both must export the same
 * document, equal to the generated one. Deletes what it wrote when done.
 */
export async function compareBatchedWithNaive(
  services: ImportServices,
  options: ImportComparisonOptions,
): Promise<ImportComparison> {
  const say = options.progress ?? (() => undefined);
  const { blueprints, executor, store } = services;
  const orgPrefix = `${options.runId}-compare-org`;
  const document = generateDocument({
    key: `${options.runId}-compare`,
    actions: options.actions,
    dependencies: options.dependencies,
    seed: 2,
    orgPrefix,
  });
  const warmUpActions = Math.min(200, options.actions);
  const warmUp = generateDocument({
    key: `${options.runId}-compare-warm-up`,
    actions: warmUpActions,
    dependencies: Math.round((warmUpActions * options.dependencies) / options.actions),
    seed: 7,
    orgPrefix,
  });
  for (const generated of [document, warmUp]) assertValid(generated);
  const label = `${options.actions} actions, ${options.dependencies} dependencies`;

  const written = new Set<string>();
  const remove = (key: string) => executor.write((runner) => store.delete(runner, key));
  const batched = async (generated: SyntheticDocument, mode: ImportMode) => {
    written.add(generated.key);
    await blueprints.import(generated, mode);
  };
  const naive = async (generated: SyntheticDocument) => {
    written.add(generated.key);
    const t0 = performance.now();
    await naiveImport(executor, store, generated, ImportMode.CREATE).catch((error: Error) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(0);
      throw new Error(
        `the naive import failed after ${seconds} s (${error.message}); the database ends a transaction after ` +
          `NEO4J_QUERY_TIMEOUT_MS (and the embedded Neo4j after 60 s), so try fewer actions`,
      );
    });
  };
  /** One timed import into a database without the blueprint. */
  const timed = async (work: () => Promise<void>) => {
    await remove(document.key);
    const queries = executor.queryCount;
    const t0 = performance.now();
    await work();
    return { seconds: (performance.now() - t0) / 1000, roundTrips: executor.queryCount - queries };
  };

  try {
    say(`warming up the batched and the naive import (${label})`);
    const warmUpStart = performance.now();
    // Every statement of both paths and of REPLACE on a small document, then each import on the measured one.
    for (let i = 0; i < 3; i++) {
      await batched(warmUp, ImportMode.CREATE);
      await batched(warmUp, ImportMode.REPLACE);
      await remove(warmUp.key);
    }
    await naive(warmUp);
    await remove(warmUp.key);
    const best = { batched: Infinity, naive: Infinity };
    for (let round = 1; round <= WARM_UP_ROUNDS.max; round++) {
      await timed(() => batched(document, ImportMode.CREATE));
      const times = {
        batched: (await timed(() => batched(document, ImportMode.CREATE))).seconds,
        naive: (await timed(() => naive(document))).seconds,
      };
      // Steady: no more than 5% faster than the best round before.
      const steady = times.batched >= 0.95 * best.batched && times.naive >= 0.95 * best.naive;
      say(`warm-up round ${round}: batched ${times.batched.toFixed(3)} s, naive ${times.naive.toFixed(3)} s`);
      if (round >= WARM_UP_ROUNDS.min && steady) break;
      best.batched = Math.min(best.batched, times.batched);
      best.naive = Math.min(best.naive, times.naive);
    }
    const warmUpSeconds = (performance.now() - warmUpStart) / 1000;

    const elements = elementsOf(document);
    const result: Pick<ImportComparison, 'batched' | 'naive'> = {
      batched: { seconds: [], elements, roundTrips: 0 },
      naive: { seconds: [], elements, roundTrips: 0 },
    };
    const exported: Partial<Record<'batched' | 'naive', unknown>> = {};
    const cases = {
      batched: () => batched(document, ImportMode.CREATE),
      naive: () => naive(document),
    };
    // The batched import runs about a twentieth as long: three of its runs to one naive run, so that its
    // median is not the run that a burst of load from elsewhere happened to land on.
    const round: ('batched' | 'naive')[] = ['batched', 'naive', 'batched', 'batched'];
    for (let r = 0; r < options.runs; r++) {
      say(`round ${r + 1} of ${options.runs}: batched and naive import, ${label}`);
      for (const name of r % 2 === 0 ? round : [...round].reverse()) {
        const { seconds, roundTrips } = await timed(cases[name]);
        result[name].seconds.push(seconds);
        result[name].roundTrips = roundTrips;
        exported[name] ??= await blueprints.export(document.key);
      }
    }
    sameDocument(`the batched import of ${label}`, document, exported.batched);
    if (!isDeepStrictEqual(exported.naive, exported.batched)) {
      const at = firstDifference(exported.batched, exported.naive);
      throw new Error(`the naive and the batched import exported different documents (first difference at ${at})`);
    }
    return { ...result, ratio: median(result.naive.seconds) / median(result.batched.seconds), warmUpSeconds };
  } finally {
    for (const key of written) await remove(key).catch((error: Error) => say(`could not delete ${key}: ${error.message}`));
    await deleteOrganisation(executor, orgPrefix).catch((error: Error) => say(`could not delete ${orgPrefix}: ${error.message}`));
  }
}

/** Deletes the organisation entries of a prefix, once nothing uses them. */
async function deleteOrganisation(executor: Neo4jExecutor, orgPrefix: string): Promise<void> {
  await deleteOrganisationEntries(executor, organisation(orgPrefix));
}

/** Deletes a generated organisation's entries (once no blueprint uses them), departments last. */
export async function deleteOrganisationEntries(
  executor: Neo4jExecutor,
  org: { departments: { key: string }[]; roles: { key: string }[]; systems: { key: string }[]; processes: { key: string }[] },
): Promise<void> {
  await executor.write(async (runner) => {
    for (const { key } of org.roles) await runner.run('delete-role', { key });
    for (const { key } of org.systems) await runner.run('delete-system', { key });
    for (const { key } of org.processes) await runner.run('delete-process', { key });
    for (const { key } of org.departments) await runner.run('delete-department', { key });
  });
}

interface Options {
  actions: number;
  dependencies: number;
  files: number;
  fileActions: number;
  naiveActions: number;
  runs: number;
  fileRuns: number;
}

interface Measurement {
  label: string;
  elements: number;
  /** Driver queries of one run of the case (all its imports). */
  roundTrips: number;
  imports: number;
  times: number[];
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const out = (line = '') => process.stdout.write(line + '\n');

function parseOptions(argv: string[]): Options {
  const positive = (what: string) => (value: string) => {
    const parsed = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || parsed < 1) throw new InvalidArgumentError(`expected a positive integer for ${what}`);
    return parsed;
  };
  const program = new Command('import-bench')
    .description('Times the batched import against a naive one, and REPLACE of many files against a first import.')
    .option('--actions <n>', 'actions of the large document', positive('--actions'), 5000)
    .option('--dependencies <m>', 'dependencies of the large document', positive('--dependencies'), 15000)
    .option('--files <f>', 'files of the many-files case', positive('--files'), 200)
    .option('--file-actions <a>', 'actions of each file', positive('--file-actions'), 200)
    .option('--naive-actions <n>', 'actions of the document imported both ways', positive('--naive-actions'), 1000)
    .option('--runs <r>', 'runs of each single-document case; the median is reported', positive('--runs'), 3)
    .option('--file-runs <r>', 'runs of each many-files case (each run is already --files imports)', positive('--file-runs'), 1)
    .parse(argv);
  return program.opts<Options>();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const config = loadConfig();
  const runId = `bench-${Date.now().toString(36)}`;
  const perAction = options.dependencies / options.actions;
  const started = performance.now();

  const { database, where } = await openBenchDatabase(config, 'bench', progress);


  let context: INestApplicationContext | undefined;
  try {
    @Module({ imports: [DatabaseModule.forRoot(database.options, database.embedded), BlueprintsModule] })
    class BenchModule {}
    context = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
    await context.init();
    await context.get(DatabaseLifecycle).whenSchemaReady();
    const services: ImportServices = {
      blueprints: context.get(BlueprintsService),
      executor: context.get(Neo4jExecutor),
      store: context.get(BlueprintStore),
    };
    const bench = new Bench(services, options.runs);
    try {
      await run(services, bench, options, runId, perAction, where, started);
    } finally {
      // The bench's own store is wiped at the next run; a server keeps only what was there before.
      if (!database.embedded) {
        progress('removing what the bench wrote');
        await bench.cleanUp().catch((error: Error) => progress(`clean-up failed: ${error.message}`));
      }
    }
  } finally {
    await context?.close();
    await database.embedded?.stop();
  }
}

async function run(
  services: ImportServices,
  bench: Bench,
  options: Options,
  runId: string,
  perAction: number,
  where: string,
  started: number,
) {
  const document = (key: string, actions: number, seed: number, orgPrefix: string) =>
    generateDocument({ key, actions, dependencies: Math.round(actions * perAction), seed, orgPrefix });
  const orgPrefix = `${runId}-org`;
  const filesOrgPrefix = `${runId}-files`;
  bench.orgPrefixes.push(orgPrefix, filesOrgPrefix);

  progress('generating and checking the documents');
  const large = document(`${runId}-large`, options.actions, 1, orgPrefix);
  const files = Array.from({ length: options.files }, (_, i) =>
    document(`${runId}-file-${String(i).padStart(3, '0')}`, options.fileActions, 1000 + i, filesOrgPrefix),
  );
  for (const doc of [large, ...files]) assertValid(doc);
  const validation = median(
    Array.from({ length: options.runs }, () => {
      const t0 = performance.now();
      checkDocument(large);
      return (performance.now() - t0) / 1000;
    }),
  );

  // The comparison warms up both imports (plans compile and the JVM warms there), then times them.
  const naiveDependencies = Math.round(options.naiveActions * perAction);
  const smallLabel = `${options.naiveActions} actions, ${naiveDependencies} dependencies`;
  const comparison = await compareBatchedWithNaive(services, {
    actions: options.naiveActions,
    dependencies: naiveDependencies,
    runs: options.runs,
    runId,
    progress,
  });
  const loadBefore = loadAverage();
  const measurement = (label: string, { elements, roundTrips, seconds }: ImportTimes): Measurement => ({
    label,
    elements,
    roundTrips,
    imports: 1,
    times: seconds,
  });
  const batchedSmall = measurement(`batched, ${smallLabel}`, comparison.batched);
  const naiveSmall = measurement(`naive (one statement per element), ${smallLabel}`, comparison.naive);
  const rows: Measurement[] = [batchedSmall, naiveSmall];

  const largeLabel = `${options.actions} actions, ${Math.round(options.actions * perAction)} dependencies`;
  progress(`warming up on ${largeLabel}`);
  const warmUpStart = performance.now();
  await bench.batched(large, ImportMode.CREATE);
  await bench.batched(large, ImportMode.REPLACE);
  await bench.delete(large.key);
  const warmUpSeconds = comparison.warmUpSeconds + (performance.now() - warmUpStart) / 1000;
  progress(`batched import, ${largeLabel}`);
  const largeElements = elementsOf(large);
  const batchedLarge = await bench.measure(`batched, ${largeLabel}`, largeElements, 1, () => bench.delete(large.key), () =>
    bench.batched(large, ImportMode.CREATE),
  );
  rows.push(batchedLarge);
  sameDocument('the batched import of the large document', large, await bench.exportDocument(large.key));
  progress(`batched REPLACE of itself, ${largeLabel}`);
  rows.push(
    await bench.measure(`batched REPLACE of itself, ${largeLabel}`, largeElements, 1, async () => {}, () =>
      bench.batched(large, ImportMode.REPLACE),
    ),
  );
  await bench.delete(large.key);

  // Many files: into an empty database, then again with REPLACE, run after run.
  const filesLabel = `${options.files} files of ${options.fileActions} actions`;
  const filesElements = files.reduce((sum, file) => sum + elementsOf(file), 0);
  const empty: Measurement = { label: `${filesLabel}, into an empty database`, elements: filesElements, roundTrips: 0, imports: files.length, times: [] };
  const replace: Measurement = { label: `${filesLabel}, again with REPLACE`, elements: filesElements, roundTrips: 0, imports: files.length, times: [] };
  for (let r = 0; r < options.fileRuns; r++) {
    progress(`${filesLabel}: run ${r + 1} of ${options.fileRuns}, into an empty database`);
    await bench.deleteAll(files.map((file) => file.key));
    await deleteOrganisation(services.executor, filesOrgPrefix);
    await bench.once(empty, async () => {
      for (const file of files) await bench.batched(file, ImportMode.CREATE);
    });
    progress(`${filesLabel}: run ${r + 1} of ${options.fileRuns}, again with REPLACE`);
    await bench.once(replace, async () => {
      for (const file of files) await bench.batched(file, ImportMode.REPLACE);
    });
  }
  sameDocument('the last REPLACE of the last file', files[files.length - 1], await bench.exportDocument(files[files.length - 1].key));
  rows.push(empty, replace);

  // The report.
  const seconds = (value: number) => value.toFixed(3);
  const rate = (m: Measurement) => Math.round(m.elements / median(m.times));
  out(`## Import benchmark`);
  out();
  out(
    `${where}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ` +
      `load average (1, 5, 15 min) ${loadBefore} after the comparison, ${loadAverage()} at the end.`,
  );
  out(
    `Median of ${options.runs} runs for single documents (of ${options.runs} rounds for the compared document, each one naive import and three batched ones), ` +
      `${options.fileRuns} run(s) of each many-files case, ` +
      `after a warm-up of ${warmUpSeconds.toFixed(0)} s (both imports of the compared document until neither runs faster, the large one once).`,
  );
  out(
    'Each import is BlueprintsService.import (checks, one write transaction, read-back of the header), ' +
      'or the same with one statement per element for the naive rows.',
  );
  out();
  out('| case | elements (nodes + relationships) | round trips | time (s) | elements/s | runs (s) |');
  out('|---|---:|---:|---:|---:|---|');
  for (const m of rows) {
    const trips = m.imports > 1 ? `${m.roundTrips} (${(m.roundTrips / m.imports).toFixed(0)} per file)` : String(m.roundTrips);
    out(`| ${m.label} | ${m.elements} | ${trips} | ${seconds(median(m.times))} | ${rate(m)} | ${m.times.map(seconds).join(', ')} |`);
  }
  out();
  out(`- batched vs naive, same document (${smallLabel}): **${comparison.ratio.toFixed(1)}x** the elements per second`);
  out(
    `- ${filesLabel}, REPLACE vs empty database: **${(median(replace.times) / median(empty.times)).toFixed(2)}x** the time (claim: at most 2x)`,
  );
  out(`- ${largeLabel}, batched: **${seconds(median(batchedLarge.times))} s** (claim: a few seconds), of which checking the document alone ${seconds(validation)} s`);
  out(
    `- round trips: the batched import runs a fixed number of statements per document; the naive one runs one per element, ` +
      `plus ${naiveSmall.roundTrips - naiveSmall.elements} (the check and the read-back)`,
  );
  out();
  out(`Both imports of the ${smallLabel} document exported the same document, equal to the generated one. Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

/** Runs the batched imports of the large and many-files cases and keeps track of what exists, to time, verify and clean up. */
class Bench {
  readonly orgPrefixes: string[] = [];
  private readonly written = new Set<string>();

  constructor(
    private readonly services: ImportServices,
    private readonly runs: number,
  ) {}

  async batched(document: SyntheticDocument, mode: ImportMode): Promise<void> {
    this.written.add(document.key);
    await this.services.blueprints.import(document, mode);
  }

  async delete(key: string): Promise<void> {
    await this.services.executor.write((runner) => this.services.store.delete(runner, key));
  }

  async deleteAll(keys: string[]): Promise<void> {
    for (const key of keys) await this.delete(key);
  }

  exportDocument(key: string) {
    return this.services.blueprints.export(key);
  }

  async cleanUp(): Promise<void> {
    await this.deleteAll([...this.written]);
    for (const prefix of this.orgPrefixes) await deleteOrganisation(this.services.executor, prefix);
  }

  /** `runs` timed runs of `work`, each after an untimed `prepare`. */
  async measure(label: string, elements: number, imports: number, prepare: () => Promise<void>, work: () => Promise<void>) {
    const measurement: Measurement = { label, elements, roundTrips: 0, imports, times: [] };
    for (let r = 0; r < this.runs; r++) {
      await prepare();
      await this.once(measurement, work);
    }
    return measurement;
  }

  async once(measurement: Measurement, work: () => Promise<void>): Promise<void> {
    const before = this.services.executor.queryCount;
    const t0 = performance.now();
    await work();
    measurement.times.push((performance.now() - t0) / 1000);
    measurement.roundTrips = this.services.executor.queryCount - before;
  }
}

function elementsOf(document: SyntheticDocument): number {
  const { nodes, relationships } = elementCount(document);
  return nodes + relationships;
}

function assertValid(document: SyntheticDocument): void {
  const { problems } = checkDocument(document);
  if (problems.length > 0) {
    throw new Error(`generated document ${document.key} is not valid: ${problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

/** The export must give back the generated document (absent and empty fields aside). */
function sameDocument(what: string, generated: SyntheticDocument, exported: unknown): void {
  const [a, b] = [normalise(generated), normalise(exported)];
  if (!isDeepStrictEqual(a, b)) throw new Error(`${what} exported another document (first difference at ${firstDifference(a, b)})`);
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null || inner === undefined || (Array.isArray(inner) && inner.length === 0)) continue;
    out[key] = normalise(inner);
  }
  return out;
}

function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (isDeepStrictEqual(a, b)) return '(none)';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`);
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Other processes on the machine skew the figures; the report says how busy it was. */
function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Run as a command; imported (by `npm run bench`), it only provides compareBatchedWithNaive.
if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error instanceof ConfigError || error instanceof EmbeddedNeo4jError ? error.message : error);
    process.exit(1);
  });
}
