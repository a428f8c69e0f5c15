import { Args, Float, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_FLOW_PARAMS } from './blame-flow';
import { AnalysisService } from './analysis.service';
import { contributionChains } from './pain-point-chains';
import { BlameChain, DepartmentDependency, PainContribution, PainTrace, RootCauseReport } from './models/analysis.models';
import { BadUserInputError } from '../common/errors';
import { FlowParams } from './blame-flow';

/** An explicit null means the default, as an absent argument does. */
function flowParams(retention: number | null, maxDepth: number | null): FlowParams {
  return { retention: retention ?? DEFAULT_FLOW_PARAMS.retention, maxDepth: maxDepth ?? DEFAULT_FLOW_PARAMS.maxDepth };
}

@Resolver()
export class AnalysisResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @Query(() => RootCauseReport, { description: 'Which departments cause the pain points in scope, by blame flow.' })
  rootCauses(
    @Args('blueprintKey', { type: () => String, nullable: true }) blueprintKey: string | null,
    @Args('painPointKeys', { type: () => [String], nullable: true }) painPointKeys: string[] | null,
    @Args('minSeverity', { type: () => Int, nullable: true }) minSeverity: number | null,
    @Args('retention', { type: () => Float, nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.retention }) retention: number | null,
    @Args('maxDepth', { type: () => Int, nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.maxDepth }) maxDepth: number | null,
  ): Promise<RootCauseReport> {
    return this.analysis.rootCauses({ blueprintKey, painPointKeys, minSeverity, ...flowParams(retention, maxDepth) });
  }

  @Query(() => [DepartmentDependency], { description: 'Which department relies on which; every blueprint without a key.' })
  departmentDependencies(
    @Args('blueprintKey', { type: () => String, nullable: true }) blueprintKey: string | null,
  ): Promise<DepartmentDependency[]> {
    return this.analysis.departmentDependencies(blueprintKey);
  }

  @Query(() => PainTrace, { description: 'Where the blame of one pain point flows.' })
  painPointTrace(
    @Args('blueprintKey') blueprintKey: string,
    @Args('painPointKey') painPointKey: string,
    @Args('retention', { type: () => Float, nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.retention }) retention: number | null,
    @Args('maxDepth', { type: () => Int, nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.maxDepth }) maxDepth: number | null,
  ): Promise<PainTrace> {
    return this.analysis.painPointTrace(blueprintKey, painPointKey, flowParams(retention, maxDepth));
  }
}

/** A bound the server enforces, so that the cost rule and the search both know the largest list. */
export const MAX_CHAIN_LIMIT = 100;

@Resolver(() => PainContribution)
export class PainContributionResolver {
  @ResolveField(() => [BlameChain], { description: `the chains that carried most mass; limit 0 to ${MAX_CHAIN_LIMIT}` })
  chains(
    @Parent() contribution: PainContribution,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 3 }) limit: number | null,
  ): Promise<BlameChain[]> {
    limit ??= 3;
    if (limit < 0 || limit > MAX_CHAIN_LIMIT) {
      throw new BadUserInputError([{ path: 'limit', message: `must be an integer from 0 to ${MAX_CHAIN_LIMIT}` }]);
    }
    return contributionChains(contribution, limit);
  }
}
