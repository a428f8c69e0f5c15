import 'reflect-metadata';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, InvalidArgumentError } from 'commander';
import { AnalysisModule } from '../../src/analysis/analysis.module';
import { AnalysisService } from '../../src/analysis/analysis.service';
import { BlueprintStore } from '../../src/blueprints/blueprint-store';
import { BlueprintsModule } from '../../src/blueprints/blueprints.module';
import { BlueprintsService } from '../../src/blueprints/blueprints.service';
import { openBenchDatabase } from './bench-database';
import { ConfigError, PROJECT_ROOT, loadConfig } from '../../src/config/app-config';
import { DatabaseLifecycle, DatabaseModule } from '../../src/database/database.module';
import { EmbeddedNeo4jError } from '../../src/database/embedded-neo4j';
import { Neo4jExecutor } from '../../src/database/executor';
import { BenchContext, MeasurementResult } from './bench-context';
import { BENCH_SIZES, BenchSize, Dataset } from './bench-dataset';
import { BenchResults, machine, markdown, writeResults } from './bench-report';
import { GraphQLServer, Neo4jConnection, startGraphQLServer } from './bench-servers';
import { measureImport } from './measurements/import';
import { measureDecisions } from './measurements/decisions';
import { measureEdits } from './measurements/edits';
import { measureKept } from './measurements/kept';
import { measureOverhead } from './measurements/overhead';
import { ROOT_CAUSES } from './measurements/root-causes-query';
import { measurePeers } from './measurements/peer';
import { ScaleMeasurement } from './measurements/scale';
import { measureThroughput } from './measurements/throughput';
import { procStatusBytes } from '../ops/stack';
import { nestedReadDocuments } from './peers/nested-read';
import { DEFAULT_SAMPLING } from './statistics';

/**
 * `npm run bench [-- --size small|medium|large] [--only NAME]...`: loads a
 * synthetic organisation into the embedded Neo4j (a fresh store of its own)
 * or NEO4J_URI, measures the product against the same work done in process,
 * against its peers, as the data grows and under load, and writes
 * bench/results/<date>-<size>.json plus a markdown report on stdout.
 * Progress goes to stderr. docs/benchmarks.md explains every figure.
 */

const MEASUREMENTS = ['scale', 'overhead', 'decisions', 'edits', 'peer', 'kept', 'throughput', 'import'] as const;
type MeasurementName = (typeof MEASUREMENTS)[number];

interface Options {
  size: BenchSize;
  only: MeasurementName[];
  seed: number;
  results: string;
}

const progress = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function parseOptions(argv: string[]): Options {
  const program = new Command('bench')
    .description('Measures Blueprint Graph against in-process code, its peers, growing data and load.')
    .option('--size <size>', `${Object.keys(BENCH_SIZES).join(', ')}: the data around the measured blueprint`, (value) => {
      const size = BENCH_SIZES[value];
      if (!size) throw new InvalidArgumentError(`expected one of ${Object.keys(BENCH_SIZES).join(', ')}`);
      return size;
    }, BENCH_SIZES.small)
    .option('--only <name>', `run only this measurement (${MEASUREMENTS.join(', ')}); repeat for several`, (value, previous: MeasurementName[]) => {
      if (!(MEASUREMENTS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${MEASUREMENTS.join(', ')}`);
      return [...previous, value as MeasurementName];
    }, [] as MeasurementName[])
    .option('--seed <n>', 'seed of the synthetic organisation', (value) => {
      if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer');
      return Number(value);
    }, 1)
    .option('--results <dir>', 'where the JSON results go', path.join(PROJECT_ROOT, 'bench', 'results'))
    .parse(argv);
  return program.opts<Options>();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const started = performance.now();
  const loadBefore = os.loadavg();
  const wants = (name: MeasurementName) => options.only.length === 0 || options.only.includes(name);
  const config = loadConfig();
  const runId = `bench-${Date.now().toString(36)}`;

  const { database, where } = await openBenchDatabase(config, `bench-${options.size.name}`, progress, { heap: options.size.heap, pageCache: options.size.pageCache });


  let context: INestApplicationContext | undefined;
  let app: GraphQLServer | undefined;
  let dataset: Dataset | undefined;
  try {
    @Module({ imports: [DatabaseModule.forRoot(database.options, database.embedded), BlueprintsModule, AnalysisModule] })
    class BenchModule {}
    context = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    await context.init();
    await context.get(DatabaseLifecycle).whenSchemaReady();
    const services = {
      analysis: context.get(AnalysisService),
      blueprints: context.get(BlueprintsService),
      executor: context.get(Neo4jExecutor),
      store: context.get(BlueprintStore),
    };
    const [server] = await services.executor.read((runner) => runner.run('server-version'));
    const neo4j: Neo4jConnection = {
      uri: database.options.uri,
      username: database.options.username,
      password: database.options.password,
      database: database.options.database,
    };
    const data = new Dataset(options.size, runId, options.seed, services, progress);
    dataset = data;
    const bench: BenchContext = {
      dataset: data,
      services,
      neo4j,
      app: async () => (app ??= await startGraphQLServer('blueprint-graph', neo4j)),
      sampling: DEFAULT_SAMPLING,
      throughputSeconds: options.size.name === 'small' ? 5 : 10,
      runId,
      progress,
    };

    const measurements: MeasurementResult[] = [];
    const scale = new ScaleMeasurement();
    const grow = async (factor: number) => {
      progress(`loading the data around the target to ${factor}x (${factor * options.size.blueprintsAt1x} blueprints)`);
      const phase = await data.growTo(factor);
      progress(`  ${phase.blueprints} blueprints, ${phase.nodes} nodes, ${phase.relationships} relationships, ${phase.loadSeconds.toFixed(1)} s`);
    };
    const needsData = MEASUREMENTS.some((name) => name !== 'import' && wants(name));
    if (needsData) {
      if (wants('scale')) {
        await grow(1);
        await warmUp(bench);
        await scale.measurePoint(bench, true);
      }
      if (wants('scale') || wants('overhead') || wants('decisions') || wants('edits')) await grow(10);
      if (wants('scale')) await scale.measurePoint(bench, true);
      if (wants('overhead')) measurements.push(await measureOverhead(bench));
      if (wants('decisions')) measurements.push(await measureDecisions(bench));
      if (wants('edits')) measurements.push(await measureEdits(bench));
      if (wants('scale') || wants('peer') || wants('kept') || wants('throughput')) await grow(100);
      if (wants('scale')) {
        await scale.measurePoint(bench, false);
        measurements.unshift(scale.result());
      }
      if (wants('peer')) measurements.push(...(await measurePeers(bench)));
      if (wants('kept')) measurements.push(await measureKept(bench));
      if (wants('throughput')) measurements.push(await measureThroughput(bench, nestedReadDocuments['blueprint-graph']));
    }

    if (wants('import')) measurements.push(await measureImport(bench));

    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      size: options.size.name,
      seed: options.seed,
      only: options.only,
      machine: machine(loadBefore),
      database: { where, server: `Neo4j ${server.version} ${server.edition}` },
      dataset: {
        departments: options.size.departments,
        targetNodes: data.targetNodes(),
        targetPainPoints: data.targetPainPoints(),
        phases: data.phases,
      },
      measurements,
      peakMemory: {
        app: app ? procStatusBytes(app.process.pid, 'VmHWM') : null,
        neo4j: database.embedded?.pid() ? procStatusBytes(database.embedded.pid()!, 'VmHWM') : null,
        bench: procStatusBytes(process.pid, 'VmHWM'),
      },
      seconds: (performance.now() - started) / 1000,
    };
    const file = writeResults(results, options.results);
    process.stdout.write(markdown(results) + '\n');
    progress(`results in ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await app?.stop();
    if (!database.embedded && dataset) {
      progress('removing what the bench wrote');
      await dataset.cleanUp().catch((error: Error) => progress(`clean-up failed: ${error.message}`));
    }
    await context?.close();
    await database.embedded?.stop();
  }
}

/**
 * Untimed requests before the first measurement: Neo4j's and Node's JIT go on
 * compiling for longer than one measurement's warm-up, which otherwise shows
 * up as a slow first point of the scale series.
 */
async function warmUp(bench: BenchContext): Promise<void> {
  const app = await bench.app();
  const key = bench.dataset.target.key;
  bench.progress('warming up the app and Neo4j (20 s)');
  const until = performance.now() + 20_000;
  while (performance.now() < until) {
    await app.post(ROOT_CAUSES, { key });
    await app.post(nestedReadDocuments['blueprint-graph'], { key });
  }
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exit(1);
});
