import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ComparisonService } from './comparison.service';
import { BlueprintComparison } from './models/comparison.models';

const VERSION = { type: () => Int, nullable: true, description: 'a kept version; the current one when absent' } as const;

@Resolver(() => BlueprintComparison)
export class ComparisonResolver {
  constructor(private readonly comparison: ComparisonService) {}

  @Query(() => BlueprintComparison, {
    description:
      'What differs from one blueprint (or version) to another: elements by key, dependencies, and the blame and handoffs ' +
      'of each side under the default parameters. NOT_FOUND for a blueprint or version that is not there.',
  })
  compareBlueprints(
    @Args('from', { description: 'the key of the blueprint compared from (before), e.g. the CURRENT one' }) from: string,
    @Args('to', { description: 'the key of the blueprint compared to (after), e.g. its FUTURE one; the same key to compare two versions' }) to: string,
    @Args('fromVersion', VERSION) fromVersion: number | null,
    @Args('toVersion', VERSION) toVersion: number | null,
  ): Promise<BlueprintComparison> {
    return this.comparison.compare(from, to, fromVersion, toVersion);
  }
}
