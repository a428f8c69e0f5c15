import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OpportunityInput } from './dto/opportunity.input';
import { Opportunity } from './models/opportunity.model';
import { OpportunitiesService } from './opportunities.service';

@Resolver(() => Opportunity)
export class OpportunitiesResolver {
  constructor(private readonly service: OpportunitiesService) {}

  @Query(() => [Opportunity], { description: 'Every opportunity, by valuePerEffort desc, then key asc' })
  opportunities(): Promise<Opportunity[]> {
    return this.service.list();
  }

  @Query(() => Opportunity, { nullable: true, description: 'null if absent' })
  opportunity(@Args('key', { description: "the opportunity's key" }) key: string): Promise<Opportunity | null> {
    return this.service.get(key);
  }

  @Mutation(() => Opportunity, { description: 'Creates or replaces an opportunity by key (designers and admins)' })
  upsertOpportunity(@Args('input', { type: () => OpportunityInput, description: 'the whole opportunity; an existing one with its key is replaced' }) input: OpportunityInput): Promise<Opportunity> {
    return this.service.upsert(input);
  }

  @Mutation(() => Boolean, { description: 'NOT_FOUND if absent' })
  deleteOpportunity(@Args('key', { description: "the opportunity's key" }) key: string): Promise<boolean> {
    return this.service.delete(key);
  }
}
