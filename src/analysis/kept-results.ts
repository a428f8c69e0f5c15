import { Inject, Injectable, Optional } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { AnalysisConfig, DEFAULT_ANALYSIS_CONFIG } from '../config/app-config';
import { QueryRunner } from '../database/executor';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { BlueprintState } from '../blueprints/models/enums';
import { BlueprintFlow, flowOf } from './flow-model';
import { remember, touch } from '../common/recent-entries';

/** The AnalysisConfig the app was started with; the defaults where none is provided (the command line). */
export const ANALYSIS_CONFIG = Symbol('ANALYSIS_CONFIG');

/** What everything kept depends on, as the database counts it. */
export interface Stamp {
  writes: number;
  organisationWrites: number;
}

/**
 * The analysis's memory, correct with several app instances on one database:
 * nothing kept is trusted without a read of the database first.
 *
 * - An answer is kept with the count of writes that had committed when it was
 *   computed (the write lock counts them, cypher/analysis-stamp.cypher): while
 *   the count is the same, nothing it depends on changed, and the answer is
 *   given again after that one node read.
 * - Each blueprint is kept as prepared for the blame flow, with its version
 *   and the count of organisation writes (which move owners): a question over
 *   many blueprints reads their versions, and reads again only those that
 *   changed.
 *
 * Both are bounded (least recently used goes first).
 */
@Injectable()
export class KeptResults {
  private readonly answers = new Map<string, { stamp: number; value: unknown }>();
  private readonly flows = new Map<string, { version: number; organisationWrites: number; flow: BlueprintFlow }>();

  constructor(
    private readonly store: BlueprintStore,
    @Optional() @Inject(ANALYSIS_CONFIG) private readonly limits: AnalysisConfig = DEFAULT_ANALYSIS_CONFIG,
  ) {}

  /** The stamp to keep with an answer: read before the answer's own reads, so a write meanwhile makes it stale, never wrong. */
  async stamp(runner: Pick<QueryRunner, 'run'>): Promise<Stamp> {
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
   * The blueprints a question is about, prepared for the blame flow: one by
   * key (NOT_FOUND if absent; none when it is in none of the states asked
   * for), else every one in the states asked for, by key.
   */
  async flowsInScope(runner: QueryRunner, stamp: Stamp, key: string | null, states: readonly BlueprintState[] | null): Promise<BlueprintFlow[]> {
    const versions = await runner.run('blueprint-versions-in-scope', { key, states });
    if (key !== null && versions.length === 0) throw new NotFoundError(`No blueprint has the key "${key}"`);
    const wanted = versions.filter((row) => row.inStates as boolean);
    const stale = wanted
      .filter((row) => {
        const kept = this.flows.get(row.key as string);
        return !kept || kept.version !== row.version || kept.organisationWrites !== stamp.organisationWrites;
      })
      .map((row) => row.key as string);
    const read = new Map<string, BlueprintFlow>();
    if (stale.length > 0) {
      for (const blueprint of await this.store.contents(runner, stale)) {
        const flow = flowOf(blueprint);
        read.set(blueprint.key, flow);
        remember(this.flows, blueprint.key, { version: blueprint.version, organisationWrites: stamp.organisationWrites, flow }, this.limits.keptBlueprints);
      }
    }
    // A blueprint deleted between the two reads is left out, as a read a moment later would.
    return wanted.flatMap((row) => {
      const key = row.key as string;
      const flow = read.get(key) ?? this.flows.get(key)?.flow;
      if (flow && !read.has(key)) touch(this.flows, key, this.flows.get(key)!);
      return flow ? [flow] : [];
    });
  }
}
