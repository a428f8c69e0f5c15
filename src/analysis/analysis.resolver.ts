import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { stampRead } from './kept-responses.plugin';
import { AnalysisService } from './analysis.service';
import { BlameArgs, BlueprintScopeArgs, DependentsArgs, FlowArgs, PainPointScopeArgs, WhatIfArgs } from './dto/analysis.args';
import { BlameReport, Dependents, WhatIfReport } from './models/decision.models';
import { contributionChains } from './pain-point-chains';
import { BlameChain, DepartmentDependency, PainContribution, PainTrace, RootCauseReport } from './models/analysis.models';
import { BadUserInputError } from '../common/errors';

/** The GraphQL request's context, as app.module makes it and plugins add to it. */
type RequestContext = Record<string, unknown>;

@Resolver()
export class AnalysisResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @Query(() => RootCauseReport, { description: 'Which departments cause the pain points in scope, by blame flow.' })
  rootCauses(@Args() args: PainPointScopeArgs, @Context() context: RequestContext): Promise<RootCauseReport> {
    return this.analysis.rootCauses(args, stampRead(context));
  }

  @Query(() => BlameReport, {
    description: 'Blame summed by a level (department, role, system, process, action, step or lane); DEPARTMENT equals rootCauses.',
  })
  blame(@Args() args: BlameArgs, @Context() context: RequestContext): Promise<BlameReport> {
    return this.analysis.blame(args, stampRead(context));
  }

  @Query(() => Dependents, {
    description: 'What relies on a department, role, system or process (or an action): the actions that reach it within maxDepth, and what they touch.',
  })
  dependents(@Args() args: DependentsArgs): Promise<Dependents> {
    return this.analysis.dependents(args);
  }

  @Query(() => WhatIfReport, { description: 'What fixing departments, roles, systems, processes, actions or steps would remove of the blame in scope.' })
  whatIf(@Args() args: WhatIfArgs, @Context() context: RequestContext): Promise<WhatIfReport> {
    return this.analysis.whatIf(args, stampRead(context));
  }

  @Query(() => [DepartmentDependency], { description: 'Which department relies on which; every blueprint without a key.' })
  departmentDependencies(@Args() scope: BlueprintScopeArgs, @Context() context: RequestContext): Promise<DepartmentDependency[]> {
    return this.analysis.departmentDependencies(scope, stampRead(context));
  }

  @Query(() => PainTrace, { description: 'Where the blame of one pain point flows.' })
  painPointTrace(
    @Args('blueprintKey', { description: "the pain point's blueprint" }) blueprintKey: string,
    @Args('painPointKey', { description: "the pain point's key within that blueprint" }) painPointKey: string,
    @Args() flow: FlowArgs,
    @Context() context: RequestContext,
  ): Promise<PainTrace> {
    return this.analysis.painPointTrace(blueprintKey, painPointKey, flow, stampRead(context));
  }
}

/** A bound the server enforces, so that the cost rule and the search both know the largest list. */
export const MAX_CHAIN_LIMIT = 100;

@Resolver(() => PainContribution)
export class PainContributionResolver {
  @ResolveField(() => [BlameChain], { description: `the chains that carried most mass; limit 0 to ${MAX_CHAIN_LIMIT}` })
  chains(
    @Parent() contribution: PainContribution,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 3, description: `how many chains at most, 0..${MAX_CHAIN_LIMIT}; 3 when absent` })
    limit: number | null,
  ): Promise<BlameChain[]> {
    limit ??= 3;
    if (limit < 0 || limit > MAX_CHAIN_LIMIT) {
      throw new BadUserInputError([{ path: 'limit', message: `must be an integer from 0 to ${MAX_CHAIN_LIMIT}` }]);
    }
    return contributionChains(contribution, limit);
  }
}
