import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, InvalidArgumentError } from 'commander';
import { Database, openDatabase } from '../app.factory';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { BlueprintsModule } from '../blueprints/blueprints.module';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { checkDocument } from '../blueprints/document-validation';
import { ImportMode } from '../blueprints/models/enums';
import { ConfigError, PROJECT_ROOT, loadConfig } from '../config/app-config';
import { DatabaseLifecycle, DatabaseModule } from '../database/database.module';
import { EmbeddedNeo4jError } from '../database/embedded-neo4j';
import { Neo4jExecutor } from '../database/executor';
import { elementCount, naiveImport } from './naive-import';
import { SyntheticDocument, generateDocument, organisation } from './synthetic-documents';
import { freePort } from '../ops/free-port';

/**
 * `npm run bench:import`: the batched import against a naive one (one
 * statement per node and relationship) on the same document and database,
 * the batched import of a large document, and 200 files imported into an
 * empty database against the same files imported again with REPLACE.
 *
 * Progress goes to stderr; the report (markdown) to stdout. By default the
 * embedded Neo4j runs on a fresh data folder of its own (.data/bench/neo4j)
 * and a free port; with NEO4J_URI set, that server is used, and the bench
 * writes and then deletes only blueprints and organisation keys prefixed with
 * its run id.
 */

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

  let database: Database;
  let where: string;
  if (config.neo4j.uri) {
    database = await openDatabase(config, progress);
    where = `${config.neo4j.uri} (NEO4J_URI), database "${config.neo4j.database}"`;
  } else {
    // A store of the bench's own, fresh every run, never the app's .data/neo4j.
    const dataDir = path.join(PROJECT_ROOT, '.data', 'bench', 'neo4j');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const embedded = { ...config.embedded, dataDir, boltPort: await freePort() };
    database = await openDatabase({ ...config, embedded }, progress);
    where = `embedded Neo4j, fresh store in ${path.relative(PROJECT_ROOT, dataDir)}, heap ${embedded.heap}, page cache ${embedded.pageCache}`;
  }

  let context: INestApplicationContext | undefined;
  try {
    @Module({ imports: [DatabaseModule.forRoot(database.options, database.embedded), BlueprintsModule] })
    class BenchModule {}
    context = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
    await context.init();
    await context.get(DatabaseLifecycle).whenSchemaReady();
    const bench = new Bench(context.get(BlueprintsService), context.get(Neo4jExecutor), context.get(BlueprintStore), options.runs);
    try {
      await run(bench, options, runId, perAction, where, started);
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

async function run(bench: Bench, options: Options, runId: string, perAction: number, where: string, started: number) {
  const document = (key: string, actions: number, seed: number, orgPrefix: string) =>
    generateDocument({ key, actions, dependencies: Math.round(actions * perAction), seed, orgPrefix });
  const orgPrefix = `${runId}-org`;
  const filesOrgPrefix = `${runId}-files`;
  bench.orgPrefixes.push(orgPrefix, filesOrgPrefix);

  progress('generating and checking the documents');
  const small = document(`${runId}-small`, options.naiveActions, 2, orgPrefix);
  const large = document(`${runId}-large`, options.actions, 1, orgPrefix);
  const warmUp = document(`${runId}-warm-up`, options.fileActions, 7, orgPrefix);
  const files = Array.from({ length: options.files }, (_, i) =>
    document(`${runId}-file-${String(i).padStart(3, '0')}`, options.fileActions, 1000 + i, filesOrgPrefix),
  );
  for (const doc of [small, large, warmUp, ...files]) assertValid(doc);
  const validation = median(
    Array.from({ length: options.runs }, () => {
      const t0 = performance.now();
      checkDocument(large);
      return (performance.now() - t0) / 1000;
    }),
  );

  // Warm-up: every statement of both imports, REPLACE and delete; plans compile and the JVM warms here.
  progress('warming up');
  const warmUpStart = performance.now();
  for (let i = 0; i < 3; i++) {
    await bench.batched(warmUp, ImportMode.CREATE);
    await bench.batched(warmUp, ImportMode.REPLACE);
    await bench.delete(warmUp.key);
  }
  await bench.naive(warmUp, ImportMode.CREATE);
  await bench.delete(warmUp.key);
  await bench.batched(small, ImportMode.CREATE);
  await bench.batched(small, ImportMode.REPLACE);
  await bench.delete(small.key);
  const warmUpSeconds = (performance.now() - warmUpStart) / 1000;
  const loadBefore = loadAverage();

  const rows: Measurement[] = [];
  const smallElements = elements(small);
  const smallLabel = `${options.naiveActions} actions, ${Math.round(options.naiveActions * perAction)} dependencies`;

  progress(`batched import, ${smallLabel}`);
  const batchedSmall = await bench.measure(`batched, ${smallLabel}`, smallElements, 1, () => bench.delete(small.key), () =>
    bench.batched(small, ImportMode.CREATE),
  );
  rows.push(batchedSmall);
  const batchedExport = await bench.exportDocument(small.key);
  sameDocument('the batched import of the small document', small, batchedExport);

  progress(`naive import, ${smallLabel}`);
  const naiveSmall = await bench.measure(`naive (one statement per element), ${smallLabel}`, smallElements, 1, () => bench.delete(small.key), async () => {
    const t0 = performance.now();
    await bench.naive(small, ImportMode.CREATE).catch((error: Error) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(0);
      throw new Error(
        `the naive import failed after ${seconds} s (${error.message}); the embedded Neo4j ends transactions after 60 s, so try a smaller --naive-actions`,
      );
    });
  });
  rows.push(naiveSmall);
  const naiveExport = await bench.exportDocument(small.key);
  if (!isDeepStrictEqual(naiveExport, batchedExport)) {
    throw new Error(`the naive and the batched import exported different documents (first difference at ${firstDifference(batchedExport, naiveExport)})`);
  }
  await bench.delete(small.key);

  const largeLabel = `${options.actions} actions, ${Math.round(options.actions * perAction)} dependencies`;
  progress(`batched import, ${largeLabel}`);
  const largeElements = elements(large);
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
  const filesElements = files.reduce((sum, file) => sum + elements(file), 0);
  const empty: Measurement = { label: `${filesLabel}, into an empty database`, elements: filesElements, roundTrips: 0, imports: files.length, times: [] };
  const replace: Measurement = { label: `${filesLabel}, again with REPLACE`, elements: filesElements, roundTrips: 0, imports: files.length, times: [] };
  for (let r = 0; r < options.fileRuns; r++) {
    progress(`${filesLabel}: run ${r + 1} of ${options.fileRuns}, into an empty database`);
    await bench.deleteAll(files.map((file) => file.key));
    await bench.deleteOrganisation(filesOrgPrefix);
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
  out(`${where}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}; load average (1, 5, 15 min) ${loadBefore} before measuring, ${loadAverage()} after.`);
  out(
    `Median of ${options.runs} runs for single documents, ${options.fileRuns} run(s) of each many-files case, after a warm-up of ${warmUpSeconds.toFixed(0)} s.`,
  );
  out(`Each import is BlueprintsService.import (checks, one write transaction, read-back), or the same with one statement per element for the naive rows.`);
  out();
  out('| case | elements (nodes + relationships) | round trips | time (s) | elements/s | runs (s) |');
  out('|---|---:|---:|---:|---:|---|');
  for (const m of rows) {
    const trips = m.imports > 1 ? `${m.roundTrips} (${(m.roundTrips / m.imports).toFixed(0)} per file)` : String(m.roundTrips);
    out(`| ${m.label} | ${m.elements} | ${trips} | ${seconds(median(m.times))} | ${rate(m)} | ${m.times.map(seconds).join(', ')} |`);
  }
  out();
  out(`- batched vs naive, same document (${smallLabel}): **${(rate(batchedSmall) / rate(naiveSmall)).toFixed(1)}x** the elements per second`);
  out(
    `- ${filesLabel}, REPLACE vs empty database: **${(median(replace.times) / median(empty.times)).toFixed(2)}x** the time (claim: at most 2x)`,
  );
  out(`- ${largeLabel}, batched: **${seconds(median(batchedLarge.times))} s** (claim: a few seconds), of which checking the document alone ${seconds(validation)} s`);
  out(
    `- round trips: the batched import runs a fixed number of statements per document; the naive one runs one per element, ` +
      `plus ${naiveSmall.roundTrips - smallElements} (check, unlink, properties, read-back)`,
  );
  out();
  out(`Both imports of the ${smallLabel} document exported the same document, equal to the generated one. Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

/** Runs the imports and keeps track of what exists, to time, verify and clean up. */
class Bench {
  readonly orgPrefixes: string[] = [];
  private readonly written = new Set<string>();

  constructor(
    private readonly service: BlueprintsService,
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
    private readonly runs: number,
  ) {}

  async batched(document: SyntheticDocument, mode: ImportMode): Promise<void> {
    this.written.add(document.key);
    await this.service.import(document, mode);
  }

  async naive(document: SyntheticDocument, mode: ImportMode): Promise<void> {
    this.written.add(document.key);
    await naiveImport(this.executor, this.store, document, mode);
  }

  async delete(key: string): Promise<void> {
    await this.executor.write((runner) => this.store.delete(runner, key));
  }

  async deleteAll(keys: string[]): Promise<void> {
    for (const key of keys) await this.delete(key);
  }

  exportDocument(key: string) {
    return this.service.export(key);
  }

  /** Deletes the organisation entries of a prefix, once nothing uses them. */
  async deleteOrganisation(orgPrefix: string): Promise<void> {
    const org = organisation(orgPrefix);
    await this.executor.write(async (runner) => {
      for (const { key } of org.roles) await runner.run('delete-role', { key });
      for (const { key } of org.systems) await runner.run('delete-system', { key });
      for (const { key } of org.processes) await runner.run('delete-process', { key });
      for (const { key } of org.departments) await runner.run('delete-department', { key });
    });
  }

  async cleanUp(): Promise<void> {
    await this.deleteAll([...this.written]);
    for (const prefix of this.orgPrefixes) await this.deleteOrganisation(prefix);
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
    const before = this.executor.queryCount;
    const t0 = performance.now();
    await work();
    measurement.times.push((performance.now() - t0) / 1000);
    measurement.roundTrips = this.executor.queryCount - before;
  }
}

function elements(document: SyntheticDocument): number {
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

main().catch((error: Error) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exit(1);
});
