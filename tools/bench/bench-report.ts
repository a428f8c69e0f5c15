import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Phase } from './bench-dataset';
import { Bar, MeasurementResult, times } from './bench-context';

/** One run of `npm run bench`: what ran where, on what data, and every figure. */
export interface BenchResults {
  date: string;
  size: string;
  seed: number;
  only: string[];
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadBefore: number[]; loadAfter: number[] };
  database: { where: string; server: string };
  dataset: { departments: number; targetNodes: number; targetPainPoints: number; phases: Phase[] };
  measurements: MeasurementResult[];
  /** High-water marks of resident memory over the whole run (VmHWM), in bytes; null where not known. */
  peakMemory: { app: number | null; neo4j: number | null; bench: number };
  seconds: number;
}

export function machine(loadBefore: number[]) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

/** Writes bench/results/<date>-<size>[-<only>].json and returns its path. */
export function writeResults(results: BenchResults, directory: string): string {
  fs.mkdirSync(directory, { recursive: true });
  const suffix = results.only.length > 0 ? `-${results.only.join('-')}` : '';
  const file = path.join(directory, `${results.date}-${results.size}${suffix}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** Bytes as whole megabytes, for the reports. */
export const mebibytes = (bytes: number | null) => (bytes === null ? 'not measured' : `${(bytes / 2 ** 20).toFixed(0)} MB`);

export function markdown(results: BenchResults): string {
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(' ');
  const { machine: m, dataset } = results;
  const lines = [
    `## Benchmark: ${results.size}, ${results.date}`,
    '',
    `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; ${results.database.server}, ${results.database.where}. ` +
      `Load average (1, 5, 15 min) ${load(m.loadBefore)} before, ${load(m.loadAfter)} after. Whole run ${results.seconds.toFixed(0)} s, seed ${results.seed}.`,
    '',
    `Synthetic organisation of ${dataset.departments} departments; the target blueprint has ${dataset.targetNodes} nodes and ${dataset.targetPainPoints} pain points.`,
    '',
    '| data around the target | blueprints | nodes | relationships | import time (s) |',
    '|---|---:|---:|---:|---:|',
    ...dataset.phases.map((phase) => `| ${phase.scale}x | ${phase.blueprints} | ${phase.nodes} | ${phase.relationships} | ${phase.loadSeconds.toFixed(1)} |`),
    '',
    `Peak resident memory (VmHWM) at the end of the run: the app ${mebibytes(results.peakMemory.app)} (since the last of throughput\'s resets, if it ran), ` +
      `Neo4j ${mebibytes(results.peakMemory.neo4j)}, the bench process (which loads the data) ${mebibytes(results.peakMemory.bench)}.`,
    '',
  ];
  for (const measurement of results.measurements) {
    lines.push(`### ${measurement.title}`, '', measurement.about, '', ...measurement.table, '');
  }
  const bars = results.measurements.flatMap((measurement) => measurement.bars);
  if (bars.length > 0) {
    lines.push('### Bars', '', '| claim | figure | bar | met |', '|---|---:|---:|---|', ...bars.map(barRow), '');
  }
  return lines.join('\n');
}

function barRow(bar: Bar): string {
  const show = bar.unit === 'ratio' ? times : String;
  return `| ${bar.claim} | ${show(bar.figure)} | ${bar.atMost ? '≤' : '≥'} ${show(bar.limit)} | ${bar.met ? 'yes' : '**no**'} |`;
}
