import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { Neo4jExecutor, QueryRunner } from '../database/executor';
import { requestBookmarks } from '../database/causal-consistency';
import { SharedRead } from '../common/shared-read';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { Action, PainPoint } from '../blueprints/models/blueprint.model';
import { BlueprintState } from '../blueprints/models/enums';
import { KeptResults, Stamp, TraceShape } from './kept-results';
import { ACTIONS_STATEMENT, ActionReader, actionId, actionIdParts, traceFlow } from './traces';
import { DepartmentDependency, PainTrace, RootCauseReport } from './models/analysis.models';
import { ScopedPainPoint, departmentDependencies, painTrace, rootCauseReport } from './root-causes';
import { blameReport } from './blame-levels';
import { FixSetValue, fixSetValues, whatIfReport } from './what-if';
import { DEFAULT_FLOW_PARAMS } from './blame-flow';
import { ReachedAction, dependentsAnswer } from './dependents';
import { BlameArgs, BlueprintScopeArgs, DependentsArgs, FlowArgs, PainPointScopeArgs, dependentsProblems, WhatIfArgs, fixProblems, flowParamsOf, scopeProblems } from './dto/analysis.args';
import { BlameLevel, BlameReport, Dependents, Fix, FixInput, WhatIfReport } from './models/decision.models';

export type RootCauseQuery = PainPointScopeArgs;

/**
 * Each question reads what it depends on and runs the arithmetic in memory.
 * Answers and the blueprints read for them are kept (KeptResults): a question
 * asked again while nothing changed costs one node read, and one over many
 * blueprints after a write reads again only the blueprints that changed.
 */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
    private readonly kept: KeptResults,
  ) {}

  /** `stamp`, where given, is one read before (KeptResponsesPlugin's), so that it is not read again. */
  async rootCauses(query: RootCauseQuery, stamp?: Stamp): Promise<RootCauseReport> {
    return this.keptAnswer('rootCauses', query, stamp, async (read) => rootCauseReport(await this.scope(query, read), flowParamsOf(query)));
  }

  async blame(args: BlameArgs, stamp?: Stamp): Promise<BlameReport> {
    return this.keptAnswer('blame', args, stamp, async (read) => blameReport(await this.scope(args, read), args.level, flowParamsOf(args)));
  }

  async whatIf(args: WhatIfArgs, stamp?: Stamp): Promise<WhatIfReport> {
    const problems = [...scopeProblems(args), ...fixProblems(args.fixes)];
    if (problems.length > 0) throw new BadUserInputError(problems);
    const fixes = args.fixes.map(fixOf);
    return this.keptAnswer('whatIf', args, stamp, async (read) => {
      await this.requireFixTargets(fixes);
      return whatIfReport(await this.scope(args, read), fixes, flowParamsOf(args));
    });
  }

  /** What relies on a department, role, system, process or action: one walk in Cypher, then the blueprints it touched. */
  async dependents(args: DependentsArgs): Promise<Dependents> {
    const problems = dependentsProblems(args);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const blueprintKey = args.blueprintKey ?? null;
    return this.executor.read(async (runner) => {
      const [row] = await runner.run('dependents', {
        level: args.level,
        key: args.key,
        blueprintKey,
        maxDepth: args.maxDepth ?? DEFAULT_FLOW_PARAMS.maxDepth,
      });
      const where = args.level === BlameLevel.ACTION ? ` in blueprint "${blueprintKey}"` : '';
      if (!row.found) throw new NotFoundError(`No ${args.level.toLowerCase()} has the key "${args.key}"${where}`);
      if (blueprintKey !== null && (await this.store.headers(runner, [blueprintKey])).length === 0) {
        throw new NotFoundError(`No blueprint has the key "${blueprintKey}"`);
      }
      const reached = [...(row.own as ReachedAction[]), ...(row.dependents as ReachedAction[])];
      const read = await this.actionsRead(runner, reached, true);
      return dependentsAnswer(reached, read.actions, read.painPoints);
    });
  }

  /** NOT_FOUND, naming each, when a fix names nothing that exists. */
  private async requireFixTargets(fixes: Fix[]): Promise<void> {
    const unnamed = fixesNamingNothing(fixes, await this.missingFixTargets(fixes), 'fixes');
    if (unnamed) throw unnamed;
  }

  /** For each fix, whether it names nothing that exists now (one round trip for any number). */
  async missingFixTargets(fixes: Fix[]): Promise<boolean[]> {
    const keysAt = (level: BlameLevel) => fixes.filter((fix) => fix.level === level).map((fix) => fix.key);
    const inBlueprint = (level: BlameLevel) =>
      fixes.filter((fix) => fix.level === level).map((fix) => ({ blueprintKey: fix.blueprintKey, key: fix.key }));
    const [row] = await this.executor.read((runner) =>
      runner.run('fix-targets', {
        departments: keysAt(BlameLevel.DEPARTMENT),
        roles: keysAt(BlameLevel.ROLE),
        systems: keysAt(BlameLevel.SYSTEM),
        processes: keysAt(BlameLevel.PROCESS),
        actions: inBlueprint(BlameLevel.ACTION),
        steps: inBlueprint(BlameLevel.STEP),
      }),
    );
    const missing = new Set([
      ...(['departments', 'roles', 'systems', 'processes'] as const).flatMap((kind) => (row[kind] as string[]).map((key) => `${kind}:${key}`)),
      ...(['actions', 'steps'] as const).flatMap((kind) =>
        (row[kind] as { blueprintKey: string; key: string }[]).map((f) => `${kind}:${f.blueprintKey}/${f.key}`),
      ),
    ]);
    return fixes.map((fix) => {
      const kind = FIX_KINDS[fix.level];
      return missing.has(fix.blueprintKey ? `${kind}:${fix.blueprintKey}/${fix.key}` : `${kind}:${fix.key}`);
    });
  }

  /** What each fix-set removes over every blueprint, default parameters: the value of opportunities, in one pass. */
  async fixSetValues(fixSets: Fix[][]): Promise<FixSetValue[]> {
    return fixSetValues(await this.scope({}, await this.currentStamp()), fixSets, DEFAULT_FLOW_PARAMS);
  }

  /** The pain points in scope, checked: one blueprint or all, the keys asked for, at least the severity asked for. */
  private async scope(query: PainPointScopeArgs, stamp: Stamp): Promise<ScopedPainPoint[]> {
    const problems = scopeProblems(query);
    if (problems.length > 0) throw new BadUserInputError(problems);

    const shape = { painPointKeys: query.painPointKeys ?? null, maxDepth: flowParamsOf(query).maxDepth };
    const traces = await this.kept.tracesInScope(this.statement, stamp, scopeOf(query), shape, this.readActions);
    let scoped: ScopedPainPoint[] = traces.flatMap(({ flow }) => flow.painPoints.map((painPoint) => ({ painPoint, flow })));
    if (query.painPointKeys != null) {
      const known = new Set(scoped.map(({ painPoint }) => painPoint.key));
      const missing = query.painPointKeys.filter((key) => !known.has(key));
      if (missing.length > 0) {
        throw new NotFoundError(`Blueprint "${query.blueprintKey}" has no pain point ${missing.map((k) => `"${k}"`).join(', ')}`);
      }
      const wanted = new Set(query.painPointKeys);
      scoped = scoped.filter(({ painPoint }) => wanted.has(painPoint.key));
    }
    if (query.minSeverity != null) {
      const minSeverity = query.minSeverity;
      scoped = scoped.filter(({ painPoint }) => painPoint.severity >= minSeverity);
    }
    return scoped;
  }

  /**
   * Handoffs over every edge of the blueprints in scope, with the blame that crossed them: their
   * traces, then their edges, each read at its own version, in statements of their own (an
   * organisation's worth in one transaction would outlast its timeout). A write between the two makes
   * this answer stale under its stamp, so the next question computes it again.
   */
  async departmentDependencies(scope: BlueprintScopeArgs, stamp?: Stamp): Promise<DepartmentDependency[]> {
    return this.keptAnswer('departmentDependencies', scope, stamp, async (read) => {
      const traces = await this.kept.tracesInScope(this.statement, read, scopeOf(scope), EVERY_PAIN_POINT, this.readActions);
      return departmentDependencies(await this.kept.handoffsOf(this.statement, read, traces));
    });
  }

  async painPointTrace(blueprintKey: string, painPointKey: string, flowArgs: FlowArgs, stamp?: Stamp): Promise<PainTrace> {
    const problems = scopeProblems(flowArgs);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const params = flowParamsOf(flowArgs);
    return this.keptAnswer('painPointTrace', { blueprintKey, painPointKey, params }, stamp, async (read) => {
      const shape = { painPointKeys: [painPointKey], maxDepth: params.maxDepth };
      const [trace] = await this.kept.tracesInScope(this.statement, read, { key: blueprintKey, states: null }, shape, this.readActions);
      const painPoint = trace?.flow.painPoints.find((p) => p.key === painPointKey);
      if (!painPoint) throw new NotFoundError(`Blueprint "${blueprintKey}" has no pain point "${painPointKey}"`);
      return painTrace(painPoint, trace.flow, params);
    });
  }

  /**
   * The answer kept for this question and its arguments while nothing it depends on changed, else a
   * fresh one. The stamp is read first (or was, `given`), so a write that commits meanwhile makes the
   * answer stale, never wrong.
   */
  private async keptAnswer<T>(question: string, args: object, given: Stamp | undefined, compute: (stamp: Stamp) => Promise<T>): Promise<T> {
    const stamp = given ?? (await this.currentStamp());
    return this.kept.answer(stamp, `${question} ${canonicalJson(args)}`, () => compute(stamp));
  }

  /**
   * What kept answers are checked against, in one statement of its own: a kept answer then costs one
   * round trip. Concurrent questions share a read that started after they were asked (SharedRead);
   * one that sent bookmarks reads alone, so that its read waits for them.
   */
  currentStamp(): Promise<Stamp> {
    return requestBookmarks().length === 0 ? this.sharedStamp.get() : this.kept.stamp(this.statement);
  }

  private readonly sharedStamp = new SharedRead(() => this.kept.stamp(this.statement));

  /** Reads that need no more than one statement run alone, each its own read transaction: one round trip. */
  private readonly statement = { run: (name: string | string[], parameters?: Record<string, unknown>) => this.executor.readStatement(name, parameters) };

  /** The actions a client asks for that a trace names but does not hold (what an action at its edge depends on). */
  private readonly readActions: ActionReader = async (ids) =>
    (await this.actionsRead(this.statement, ids.map(actionIdParts), false)).actions;

  /** Actions by blueprint and key, as clients read them, by actionId; with `painPointsAtRisk`, the pain points at or caused by one. */
  private async actionsRead(runner: Pick<QueryRunner, 'run'>, named: { blueprintKey: string; key: string }[], painPointsAtRisk: boolean) {
    const actions = new Map<string, Action>();
    const painPoints: PainPoint[] = [];
    if (named.length === 0) return { actions, painPoints };
    const parameters = { actions: named.map(({ blueprintKey, key }) => ({ blueprintKey, key })), painPointsAtRisk };
    for (const row of await runner.run(ACTIONS_STATEMENT, parameters)) {
      const flow = traceFlow(row, this.readActions);
      for (const action of flow.actions.values()) actions.set(actionId(flow.blueprintKey, action.key), action);
      painPoints.push(...flow.painPoints);
    }
    return { actions, painPoints };
  }
}

/** Every pain point, the default depth: what departmentDependencies and opportunities trace. */
const EVERY_PAIN_POINT: TraceShape = { painPointKeys: null, maxDepth: DEFAULT_FLOW_PARAMS.maxDepth };

function scopeOf({ blueprintKey, states }: BlueprintScopeArgs): { key: string | null; states: BlueprintState[] | null } {
  return { key: blueprintKey ?? null, states: states ?? null };
}

/** JSON with object keys in order and absent values left out, so that equal arguments make equal questions. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

const FIX_KINDS: Record<BlameLevel, string> = {
  DEPARTMENT: 'departments',
  ROLE: 'roles',
  SYSTEM: 'systems',
  PROCESS: 'processes',
  ACTION: 'actions',
  STEP: 'steps',
  LANE: 'lanes',
};

function fixOf(input: FixInput): Fix {
  return { level: input.level, key: input.key, blueprintKey: input.blueprintKey ?? null };
}

/** NOT_FOUND naming every fix that names nothing (`missing`, as missingFixTargets gives it) at its path under `root`; null if none. */
export function fixesNamingNothing(fixes: Fix[], missing: boolean[], root: string): NotFoundError | null {
  const named = fixes.flatMap((fix, i) => {
    if (!missing[i]) return [];
    const where = fix.blueprintKey ? ` in blueprint "${fix.blueprintKey}"` : '';
    return [`${root}[${i}] names no ${fix.level.toLowerCase()} "${fix.key}"${where}`];
  });
  return named.length > 0 ? new NotFoundError(named.join('; ')) : null;
}
