import { Inject, Injectable, Optional } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { AnalysisConfig, DEFAULT_ANALYSIS_CONFIG } from '../config/app-config';
import { QueryRunner, Row } from '../database/executor';
import { BlueprintState } from '../blueprints/models/enums';
import { compareKeys } from '../common/compare-keys';
import { WeighedEntries, remember, touch } from '../common/recent-entries';
import { BlueprintFlow } from './flow-model';
import { BlueprintHandoffs, blueprintHandoffs } from './root-causes';
import { ActionReader, TRACES_STATEMENT, TraceRequest, blueprintEdgesOf, traceFlow, traceParameters } from './traces';

/** The AnalysisConfig the app was started with; the defaults where none is provided (the command line). */
export const ANALYSIS_CONFIG = Symbol('ANALYSIS_CONFIG');

/** What everything kept depends on, as the database counts it. */
export interface Stamp {
  writes: number;
  organisationWrites: number;
}

/** The shape of the traces a question reads: which pain points (null: every one) and how far their walks go. */
export interface TraceShape {
  painPointKeys: readonly string[] | null;
  maxDepth: number;
}

/** A blueprint's trace as a question reads it, at its version; `settled` unless a write committed while it was read. */
export interface Trace {
  flow: BlueprintFlow;
  version: number;
  settled: boolean;
}

/** Where a question's statements run: each alone, its own read transaction. */
type Reads = Pick<QueryRunner, 'run'>;

interface KeptTrace {
  kind: 'trace';
  version: number;
  organisationWrites: number;
  flow: BlueprintFlow;
}

interface KeptHandoffs {
  kind: 'handoffs';
  version: number;
  organisationWrites: number;
  handoffs: BlueprintHandoffs;
}

/**
 * What a kept trace or blueprint's handoffs take in memory, estimated from
 * what they hold: measured on the benchmark's organisation (tools/bench), a
 * trace takes about 560 bytes per action or pain point it holds, and each
 * pain point's kept blame flow (pain-point-flows.ts) about 1,400. Rounded up.
 */
const BYTES_PER_TRACE_PART = 600;
const BYTES_PER_FLOW_RESULT = 1_500;
const BYTES_PER_HANDOFF = 12;
const BYTES_PER_PAIR = 100;
const BYTES_PER_ENTRY = 500;

const traceWeight = (flow: BlueprintFlow) =>
  BYTES_PER_ENTRY + BYTES_PER_TRACE_PART * (flow.actions.size + flow.painPoints.length) + BYTES_PER_FLOW_RESULT * flow.painPoints.length;
const handoffsWeight = (handoffs: BlueprintHandoffs) =>
  BYTES_PER_ENTRY + BYTES_PER_PAIR * handoffs.pairs.length + BYTES_PER_HANDOFF * handoffs.pairOf.length;
/** Handoffs are kept under keys of their own beside the traces' (which start with a depth). */
const handoffsId = (key: string) => `handoffs\u0000${key}`;

/**
 * The analysis's memory, correct with several app instances on one database:
 * nothing kept is trusted without a read of the database first.
 *
 * - An answer is kept with the count of writes that had committed when it was
 *   computed (the write lock counts them, cypher/analysis-stamp.cypher): while
 *   the count is the same, nothing it depends on changed, and the answer is
 *   given again after that one node read.
 * - Each blueprint's trace (its pain points and the actions their walks
 *   reach, cypher/analysis-traces.cypher) is kept per shape of question, with
 *   its version and the count of organisation writes (which move owners): a
 *   question reads the versions of the blueprints it is about, and traces
 *   again only those whose version differs.
 * - So are the handoffs of each blueprint that departmentDependencies sums.
 *
 * Answers are bounded by count; traces and handoffs together by the memory they
 * take, as estimated (ANALYSIS_KEPT_MEMORY). The least recently used go first.
 */
@Injectable()
export class KeptResults {
  private readonly answers = new Map<string, { stamp: number; value: unknown }>();
  private readonly blueprints: WeighedEntries<KeptTrace | KeptHandoffs>;

  constructor(@Optional() @Inject(ANALYSIS_CONFIG) private readonly limits: AnalysisConfig = DEFAULT_ANALYSIS_CONFIG) {
    this.blueprints = new WeighedEntries(limits.keptBytes);
  }

  /** The stamp to keep with an answer: read before the answer's own reads, so a write meanwhile makes it stale, never wrong. */
  async stamp(runner: Reads): Promise<Stamp> {
    const [row] = await runner.run('analysis-stamp');
    return { writes: row.writes as number, organisationWrites: row.organisationWrites as number };
  }

  /** The answer kept for `question` if nothing changed since, else `compute`'s, kept. */
  async answer<T>(stamp: Stamp, question: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(question);
    if (kept && kept.stamp === stamp.writes) {
      touch(this.answers, question, kept);
      return kept.value as T;
    }
    const value = await compute();
    remember(this.answers, question, { stamp: stamp.writes, value }, this.limits.keptResults);
    return value;
  }

  /**
   * The traces of the blueprints a question is about: one by key (NOT_FOUND
   * if absent; none when it is in none of the states asked for), else every
   * one in the states asked for, by key; each with the version it was traced
   * at. Only those whose kept trace is missing or of another version are traced.
   */
  async tracesInScope(
    runner: Reads,
    stamp: Stamp,
    scope: { key: string | null; states: readonly BlueprintState[] | null },
    shape: TraceShape,
    read: ActionReader,
  ): Promise<Trace[]> {
    const variant = `${shape.maxDepth}\u0000${shape.painPointKeys === null ? '*' : JSON.stringify(shape.painPointKeys)}\u0000`;
    // A kept trace holds while no organisation write moved owners since it was read.
    const keptTrace = (key: string) => {
      const kept = this.blueprints.get(variant + key);
      return kept?.kind === 'trace' && kept.organisationWrites === stamp.organisationWrites ? kept : undefined;
    };
    const traces: Trace[] = [];
    const reuse = (key: string, kept: KeptTrace) => {
      this.blueprints.touch(variant + key);
      traces.push({ flow: kept.flow, version: kept.version, settled: true });
    };
    const traced = (row: Row) => {
      const version = row.version as number;
      const flow = traceFlow(row, read);
      // One that saw a write commit while it was read is answered with, never kept.
      const stillWhileRead = settled(row);
      if (stillWhileRead) {
        this.blueprints.set(variant + (row.key as string), { kind: 'trace', version, organisationWrites: stamp.organisationWrites, flow }, traceWeight(flow));
      }
      traces.push({ flow, version, settled: stillWhileRead });
    };
    const traceRequest = (keys: string[]): TraceRequest => ({ key: null, keys, states: scope.states, ...shape, known: {} });

    // The blueprints whose kept trace is missing or of another version.
    const due: string[] = [];
    if (scope.key !== null) {
      // One blueprint: its version and, unless the kept trace is of that version, its trace, in one statement.
      const kept = keptTrace(scope.key);
      const known = kept ? { [scope.key]: kept.version } : {};
      const [row] = await runner.run(TRACES_STATEMENT, traceParameters({ ...traceRequest([]), key: scope.key, keys: null, known }));
      if (!row) throw new NotFoundError(`No blueprint has the key "${scope.key}"`);
      if (!row.inStates) return [];
      if (row.traced && settled(row)) traced(row);
      else if (!row.traced && kept && kept.version === row.version) reuse(scope.key, kept);
      else due.push(scope.key);
    } else {
      // Many: every version in one small statement, then the traces of those that differ. One statement
      // for both sends every kept version and reads a row per blueprint; at 5,000 blueprints that took
      // four times as long as the versions alone.
      const [row] = await runner.run('analysis-versions', { states: scope.states });
      const versions = row.versions as number[];
      (row.keys as string[]).forEach((key, i) => {
        const kept = keptTrace(key);
        if (kept && kept.version === versions[i]) reuse(key, kept);
        else due.push(key);
      });
    }
    // In statements of at most tracedPerStatement blueprints; one traced while a write to it committed is
    // read once more. One deleted or moved out of the states asked for meanwhile is left out, as a read a
    // moment later would.
    for (let at = 0; at < due.length; at += this.limits.tracedPerStatement) {
      const again: string[] = [];
      for (const row of await runner.run(TRACES_STATEMENT, traceParameters(traceRequest(due.slice(at, at + this.limits.tracedPerStatement))))) {
        if (!row.inStates || !row.traced) continue;
        if (settled(row)) traced(row);
        else again.push(row.key as string);
      }
      if (again.length === 0) continue;
      for (const row of await runner.run(TRACES_STATEMENT, traceParameters(traceRequest(again)))) if (row.inStates && row.traced) traced(row);
    }
    return traces.sort((a, b) => compareKeys(a.flow.blueprintKey, b.flow.blueprintKey));
  }

  /**
   * The handoffs of each blueprint traced (departmentDependencies): the blame its trace's flows carry
   * over every DEPENDS_ON edge of the blueprint, read with the owners of its ends at the version the
   * trace was read at. A blueprint deleted since is left out, as a read a moment later would.
   */
  async handoffsOf(runner: Reads, stamp: Stamp, traces: Trace[]): Promise<BlueprintHandoffs[]> {
    const found = new Map<string, BlueprintHandoffs>();
    const stale = new Map<string, Trace>();
    for (const trace of traces) {
      const id = handoffsId(trace.flow.blueprintKey);
      const kept = this.blueprints.get(id);
      if (kept?.kind === 'handoffs' && kept.version === trace.version && kept.organisationWrites === stamp.organisationWrites) {
        this.blueprints.touch(id);
        found.set(trace.flow.blueprintKey, kept.handoffs);
      } else {
        stale.set(trace.flow.blueprintKey, trace);
      }
    }
    const keys = [...stale.keys()];
    for (let at = 0; at < keys.length; at += this.limits.tracedPerStatement) {
      for (const row of await runner.run('analysis-edges', { keys: keys.slice(at, at + this.limits.tracedPerStatement) })) {
        const trace = stale.get(row.key as string)!;
        const { edges, departments } = blueprintEdgesOf(row);
        const handoffs = await blueprintHandoffs({ flow: trace.flow, edges }, departments);
        found.set(row.key as string, handoffs);
        // Kept only when the trace and the edges each held still while read, at the same version.
        if (trace.settled && settled(row) && row.version === trace.version) {
          const kept: KeptHandoffs = { kind: 'handoffs', version: trace.version, organisationWrites: stamp.organisationWrites, handoffs };
          this.blueprints.set(handoffsId(row.key as string), kept, handoffsWeight(handoffs));
        }
      }
    }
    return traces.flatMap(({ flow }) => (found.has(flow.blueprintKey) ? [found.get(flow.blueprintKey)!] : []));
  }
}

/** Whether a row read one version throughout: the version it read first is the one it read last. */
const settled = (row: Row) => row.versionAfter === row.version;
