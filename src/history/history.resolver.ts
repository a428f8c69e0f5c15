import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { BlueprintState } from '../blueprints/models/enum-types';
import { EditingService } from '../editing/editing.service';
import { RequestContext, principalOf } from '../security/principal';
import { BlueprintVersion } from './models/blueprint-version.model';
import { ExpectedVersion, WriteRequest, Writer, authorOf } from './write-request';

/** A blueprint's history: its versions, going back to one, and copies as another state. */
@Resolver(() => BlueprintVersion)
export class HistoryResolver {
  constructor(
    private readonly blueprints: BlueprintsService,
    private readonly editing: EditingService,
  ) {}

  @Query(() => [BlueprintVersion], { description: 'The kept versions of a blueprint, newest first; NOT_FOUND if absent' })
  blueprintVersions(@Args('key', { description: "the blueprint's key" }) key: string): Promise<BlueprintVersion[]> {
    return this.blueprints.versions(key);
  }

  @Mutation(() => Blueprint, {
    description:
      "Makes a kept version the blueprint's next one: its own parts as they were, referencing the organisation as it is now " +
      '(an entry since deleted is BAD_USER_INPUT). Restoring the current state writes nothing.',
  })
  restoreBlueprint(
    @Args('key', { description: "the blueprint's key" }) key: string,
    @Args('version', { type: () => Int, description: 'the kept version to restore (see blueprintVersions)' }) version: number,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.restore({ blueprintKey: key, expectedVersion, ...writer }, version);
  }

  @Mutation(() => Blueprint, {
    description:
      'Copies a blueprint under a new key as another state (FUTURE by default), to rework and compare with it; ' +
      'CONFLICT if the new key is taken.',
  })
  duplicateBlueprint(
    @Args('key', { description: 'the key of the blueprint to copy' }) key: string,
    @Args('newKey', { description: 'the key of the copy' }) newKey: string,
    @Args('state', { type: () => BlueprintState, nullable: true, defaultValue: BlueprintState.FUTURE, description: "the copy's state; FUTURE when absent" })
    state: BlueprintState,
    @Args('name', { type: () => String, nullable: true, description: "the copy's name; the original's when absent" }) name: string | null,
    @Context() context: RequestContext,
  ): Promise<Blueprint> {
    return this.blueprints.duplicate(key, { key: newKey, name, state: state ?? BlueprintState.FUTURE }, authorOf(principalOf(context)));
  }
}
