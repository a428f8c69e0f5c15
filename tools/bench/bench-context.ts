import { AnalysisService } from '../../src/analysis/analysis.service';
import { BlueprintStore } from '../../src/blueprints/blueprint-store';
import { BlueprintsService } from '../../src/blueprints/blueprints.service';
import { Neo4jExecutor } from '../../src/database/executor';
import { Dataset } from './bench-dataset';
import { GraphQLServer, Neo4jConnection } from './bench-servers';
import { SamplingPlan, Summary } from './statistics';

/** What every measurement of `npm run bench` works with. */
export interface BenchContext {
  dataset: Dataset;
  /** The product's own services, in this process, straight on the driver. */
  services: { analysis: AnalysisService; blueprints: BlueprintsService; executor: Neo4jExecutor; store: BlueprintStore };
  neo4j: Neo4jConnection;
  /** The product as deployed: the built app in a child process. */
  app(): Promise<GraphQLServer>;
  sampling: SamplingPlan;
  /** Seconds of each autocannon run. */
  throughputSeconds: number;
  runId: string;
  progress(line: string): void;
}

/** A claim of the benchmark, checked against a figure of this run. */
export interface Bar {
  claim: string;
  figure: number;
  limit: number;
  /** Whether the figure must stay at or under the limit (else at or over). */
  atMost: boolean;
  met: boolean;
  /** A ratio (shown as 1.23x) or a count. */
  unit: 'ratio' | 'count';
}

export function bar(claim: string, figure: number, limit: number, atMost: boolean, unit: Bar['unit'] = 'ratio'): Bar {
  return { claim, figure, limit, atMost, unit, met: atMost ? figure <= limit : figure >= limit };
}

export interface MeasurementResult {
  name: string;
  title: string;
  /** What the figures mean, for the report. */
  about: string;
  /** Markdown table lines. */
  table: string[];
  bars: Bar[];
  data: Record<string, unknown>;
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
export const times = (value: number) => `${value.toFixed(2)}x`;

export function summaryCells(summary: Summary): string {
  return `${ms(summary.median)} | ${ms(summary.p95)} | ${summary.runs}`;
}
