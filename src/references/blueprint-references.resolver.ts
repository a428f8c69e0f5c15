import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DepartmentDependency } from '../analysis/models/analysis.models';
import { BlameEntry, DependentAction, Dependents, Fix } from '../analysis/models/decision.models';
import { Blueprint, PainPoint } from '../blueprints/models/blueprint.model';
import { BlueprintReferences } from './blueprint-references';

/*
 * Beside each field that holds blueprint keys (kept as the contract has them),
 * the blueprints themselves, for clients that want their names or contents
 * without a second request.
 */

@Resolver(() => DepartmentDependency)
export class DepartmentDependencyReferences {
  constructor(private readonly references: BlueprintReferences) {}

  @ResolveField(() => [Blueprint], { description: 'the blueprints the handoffs occur in, by key: the objects of `blueprints`' })
  blueprintRefs(@Parent() parent: DepartmentDependency, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<Blueprint[]> {
    return this.references.many(parent.blueprints, context, info);
  }
}

@Resolver(() => Dependents)
export class DependentsReferences {
  constructor(private readonly references: BlueprintReferences) {}

  @ResolveField(() => [Blueprint], { description: 'the blueprints of the dependents, by key: the objects of `blueprints`' })
  blueprintRefs(@Parent() parent: Dependents, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<Blueprint[]> {
    return this.references.many(parent.blueprints, context, info);
  }
}

@Resolver(() => DependentAction)
export class DependentActionReferences {
  constructor(private readonly references: BlueprintReferences) {}

  @ResolveField(() => Blueprint, { description: "the action's blueprint: the object of `blueprintKey`" })
  blueprint(@Parent() parent: DependentAction, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<Blueprint> {
    return this.references.one(parent.blueprintKey, context, info);
  }
}

@Resolver(() => PainPoint)
export class PainPointReferences {
  constructor(private readonly references: BlueprintReferences) {}

  @ResolveField(() => Blueprint, { description: 'the blueprint it belongs to: the object of `blueprintKey`' })
  blueprint(@Parent() parent: PainPoint, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<Blueprint> {
    return this.references.one(parent.blueprintKey, context, info);
  }
}

@Resolver(() => BlameEntry)
export class BlameEntryReferences {
  constructor(private readonly references: BlueprintReferences) {}

  @ResolveField(() => Blueprint, { nullable: true, description: 'for ACTION and STEP, their blueprint (the object of `blueprintKey`); null otherwise' })
  blueprint(@Parent() parent: BlameEntry, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<Blueprint | null> {
    return parent.blueprintKey ? this.references.one(parent.blueprintKey, context, info) : Promise.resolve(null);
  }
}

@Resolver(() => Fix)
export class FixReferences {
  constructor(private readonly references: BlueprintReferences) {}

  @ResolveField(() => Blueprint, { nullable: true, description: 'the blueprint of an ACTION or STEP (the object of `blueprintKey`); null otherwise' })
  blueprint(@Parent() parent: Fix, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<Blueprint | null> {
    return parent.blueprintKey ? this.references.one(parent.blueprintKey, context, info) : Promise.resolve(null);
  }
}

export const BLUEPRINT_REFERENCE_RESOLVERS = [
  DepartmentDependencyReferences,
  DependentsReferences,
  DependentActionReferences,
  PainPointReferences,
  BlameEntryReferences,
  FixReferences,
];
