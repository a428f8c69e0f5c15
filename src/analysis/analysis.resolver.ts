import { Args, Float, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_FLOW_PARAMS } from './blame-flow';
import { topChains } from './blame-chains';
import { AnalysisService } from './analysis.service';
import { BlameChain, DepartmentDependency, PainContribution, PainTrace, RootCauseReport } from './models/analysis.models';
import { BadUserInputError } from '../common/errors';

@Resolver()
export class AnalysisResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @Query(() => RootCauseReport, { description: 'Which departments cause the pain points in scope, by blame flow.' })
  rootCauses(
    @Args('blueprintKey', { type: () => String, nullable: true }) blueprintKey: string | null,
    @Args('painPointKeys', { type: () => [String], nullable: true }) painPointKeys: string[] | null,
    @Args('minSeverity', { type: () => Int, nullable: true }) minSeverity: number | null,
    @Args('retention', { type: () => Float, defaultValue: DEFAULT_FLOW_PARAMS.retention }) retention: number,
    @Args('maxDepth', { type: () => Int, defaultValue: DEFAULT_FLOW_PARAMS.maxDepth }) maxDepth: number,
  ): Promise<RootCauseReport> {
    return this.analysis.rootCauses({ blueprintKey, painPointKeys, minSeverity, retention, maxDepth });
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
    @Args('retention', { type: () => Float, defaultValue: DEFAULT_FLOW_PARAMS.retention }) retention: number,
    @Args('maxDepth', { type: () => Int, defaultValue: DEFAULT_FLOW_PARAMS.maxDepth }) maxDepth: number,
  ): Promise<PainTrace> {
    return this.analysis.painPointTrace(blueprintKey, painPointKey, { retention, maxDepth });
  }
}

@Resolver(() => PainContribution)
export class PainContributionResolver {
  @ResolveField(() => [BlameChain], { description: 'the chains that carried most mass' })
  chains(
    @Parent() contribution: PainContribution,
    @Args('limit', { type: () => Int, defaultValue: 3 }) limit: number,
  ): BlameChain[] {
    if (limit < 0) throw new BadUserInputError([{ path: 'limit', message: 'must be 0 or more' }]);
    const { graph, source, params, department, actions } = contribution.chainSource;
    return topChains(graph, source, params, department, limit).map((chain) => ({
      actions: chain.actions.map((key) => actions.get(key)!),
      mass: chain.mass,
    }));
  }
}
