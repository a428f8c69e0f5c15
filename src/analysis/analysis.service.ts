import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError, Problem } from '../common/errors';
import { Neo4jExecutor } from '../database/executor';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { FlowParams } from './blame-flow';
import { BlueprintFlow, flowOf } from './flow-model';
import { DepartmentDependency, PainTrace, RootCauseReport } from './models/analysis.models';
import { ScopedPainPoint, departmentDependencies, painTrace, rootCauseReport } from './root-causes';

export interface RootCauseQuery {
  blueprintKey?: string | null;
  painPointKeys?: string[] | null;
  minSeverity?: number | null;
  retention: number;
  maxDepth: number;
}

export const MAX_DEPTH_LIMIT = 20;

/** Each question costs one read of the blueprints in scope; the arithmetic runs in memory. */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
  ) {}

  async rootCauses(query: RootCauseQuery): Promise<RootCauseReport> {
    const problems = paramProblems(query);
    if (query.painPointKeys != null && query.blueprintKey == null) {
      problems.push({ path: 'painPointKeys', message: 'needs a blueprintKey: pain point keys are unique within a blueprint only' });
    }
    if (problems.length > 0) throw new BadUserInputError(problems);

    const flows = (await this.load(query.blueprintKey ?? null)).map(flowOf);
    let scoped: ScopedPainPoint[] = flows.flatMap((flow) => flow.blueprint.painPoints.map((painPoint) => ({ painPoint, flow })));
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
    return rootCauseReport(scoped, { retention: query.retention, maxDepth: query.maxDepth });
  }

  async departmentDependencies(blueprintKey?: string | null): Promise<DepartmentDependency[]> {
    const flows = (await this.load(blueprintKey ?? null)).map(flowOf);
    return departmentDependencies(flows);
  }

  async painPointTrace(blueprintKey: string, painPointKey: string, params: FlowParams): Promise<PainTrace> {
    const problems = paramProblems(params);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const [flow] = (await this.load(blueprintKey)).map(flowOf) as BlueprintFlow[];
    const painPoint = flow.blueprint.painPoints.find((p) => p.key === painPointKey);
    if (!painPoint) throw new NotFoundError(`Blueprint "${blueprintKey}" has no pain point "${painPointKey}"`);
    return painTrace(painPoint, flow, params);
  }

  /** The blueprints in scope: one when a key is given (NOT_FOUND if absent), else all. */
  private async load(blueprintKey: string | null): Promise<Blueprint[]> {
    const blueprints = await this.executor.read((runner) =>
      this.store.contents(runner, blueprintKey === null ? null : [blueprintKey]),
    );
    if (blueprintKey !== null && blueprints.length === 0) {
      throw new NotFoundError(`No blueprint has the key "${blueprintKey}"`);
    }
    return blueprints;
  }
}

function paramProblems(params: { retention: number; maxDepth: number }): Problem[] {
  const problems: Problem[] = [];
  if (!(params.retention >= 0 && params.retention <= 1)) {
    problems.push({ path: 'retention', message: 'must be a number from 0 to 1' });
  }
  if (!Number.isInteger(params.maxDepth) || params.maxDepth < 0 || params.maxDepth > MAX_DEPTH_LIMIT) {
    problems.push({ path: 'maxDepth', message: `must be an integer from 0 to ${MAX_DEPTH_LIMIT}` });
  }
  return problems;
}
