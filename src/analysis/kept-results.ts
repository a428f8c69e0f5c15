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
  blueprintKey: string;
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
 *   question over many blueprints sends the versions it keeps, and the
 *   database traces again only the blueprints whose version differs.
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
   * The traces of the blueprints a question is about, in one statement: one
   * by key (NOT_FOUND if absent; none when it is in none of the states asked
   * for), else every one in the states asked for, by key; each with the
   * version it was traced at.
   */
  async tracesInScope(
    runner: Reads,
    stamp: Stamp,
    scope: { key: string | null; states: readonly BlueprintState[] | null },
    shape: TraceShape,
    read: ActionReader,
  ): Promise<Trace[]> {
    const variant = `${shape.maxDepth}\u0000${shape.painPointKeys === null ? '*' : JSON.stringify(shape.painPointKeys)}\u0000`;
    const keptTrace = (key: string) => {
      const kept = this.blueprints.get(variant + key);
      return kept?.kind === 'trace' ? kept : undefined;
    };
    const held = (kept: KeptTrace | KeptHandoffs | undefined): kept is KeptTrace =>
      kept?.kind === 'trace' && kept.organisationWrites === stamp.organisationWrites;
    const known: Record<string, number> = {};
    if (scope.key !== null) {
      const kept = keptTrace(scope.key);
      if (held(kept)) known[scope.key] = kept.version;
    } else {
      for (const [id, kept] of this.blueprints) if (id.startsWith(variant) && held(kept)) known[kept.blueprintKey] = kept.version;
    }
    const request: TraceRequest = { ...scope, keys: null, ...shape, known, traceAtMost: this.limits.tracedPerStatement };
    const rows = await runner.run(TRACES_STATEMENT, traceParameters(request));
    if (scope.key !== null && rows.length === 0) throw new NotFoundError(`No blueprint has the key "${scope.key}"`);

    const traces: Trace[] = [];
    const traced = (row: Row) => {
      const key = row.key as string;
      const version = row.version as number;
      const flow = traceFlow(row, read);
      // One that saw a write commit while it was read is answered with, never kept.
      const stillWhileRead = settled(row);
      if (stillWhileRead) {
        this.blueprints.set(variant + key, { kind: 'trace', blueprintKey: key, version, organisationWrites: stamp.organisationWrites, flow }, traceWeight(flow));
      }
      traces.push({ flow, version, settled: stillWhileRead });
    };
    // Those left for later statements: beyond one statement's share, let go by another question meanwhile,
    // or traced while a write to it committed (read again once).
    const pending: string[] = [];
    for (const row of rows.filter((r) => r.inStates as boolean)) {
      const key = row.key as string;
      const kept = keptTrace(key);
      if (row.traced as boolean) {
        if (settled(row)) traced(row);
        else pending.push(key);
      } else if (kept && kept.version === row.version && known[key] !== undefined) {
        this.blueprints.touch(variant + key);
        traces.push({ flow: kept.flow, version: kept.version, settled: true });
      } else pending.push(key);
    }
    for (let at = 0; at < pending.length; at += this.limits.tracedPerStatement) {
      const keys = pending.slice(at, at + this.limits.tracedPerStatement);
      // A blueprint deleted meanwhile is left out, as a read a moment later would.
      const more = await runner.run(TRACES_STATEMENT, traceParameters({ ...request, key: null, keys, known: {}, traceAtMost: keys.length }));
      for (const row of more) if (row.inStates && row.traced) traced(row);
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
