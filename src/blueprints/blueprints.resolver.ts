import { Args, Context, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { selectsAnyOf } from '../common/selection';
import { BlueprintsService } from './blueprints.service';
import { BlueprintDocument } from './dto/blueprint-document';
import { Blueprint } from './models/blueprint.model';
import { ImportMode } from './models/enums';
import { ImportResult } from './models/import-result.model';
import { AccessRole, allows } from '../security/access-role';
import { RequestContext, principalOf } from '../security/principal';
import { RequiresRole } from '../security/required-role';

const CONTENT_FIELDS = ['stages', 'painPoints'];

@Resolver(() => Blueprint)
export class BlueprintsResolver {
  constructor(private readonly service: BlueprintsService) {}

  @Query(() => [Blueprint], { description: 'Every blueprint, by key.' })
  blueprints(@Info() info: GraphQLResolveInfo): Promise<Blueprint[]> {
    return this.service.list(selectsAnyOf(info, CONTENT_FIELDS));
  }

  @Query(() => Blueprint, { nullable: true, description: 'null if absent' })
  blueprint(@Args('key') key: string, @Info() info: GraphQLResolveInfo): Promise<Blueprint | null> {
    return this.service.get(key, selectsAnyOf(info, CONTENT_FIELDS));
  }

  @Query(() => BlueprintDocument, { description: 'NOT_FOUND if absent' })
  exportBlueprint(@Args('key') key: string): Promise<BlueprintDocument> {
    return this.service.export(key);
  }

  @Mutation(() => ImportResult)
  importBlueprint(
    @Args('document', { type: () => BlueprintDocument }) document: BlueprintDocument,
    @Args('mode', { type: () => ImportMode, nullable: true, defaultValue: ImportMode.CREATE }) mode: ImportMode | null,
    @Info() info: GraphQLResolveInfo,
    @Context() context: RequestContext,
  ): Promise<ImportResult> {
    const withContents = selectsAnyOf(info, CONTENT_FIELDS, ['blueprint']);
    const mayChangeOrganisation = allows(principalOf(context).role, AccessRole.ADMIN);
    return this.service.import(document, mode ?? ImportMode.CREATE, { withContents, mayChangeOrganisation });
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Boolean, { description: 'NOT_FOUND if absent; organisation-wide nodes stay' })
  deleteBlueprint(@Args('key') key: string): Promise<boolean> {
    return this.service.delete(key);
  }
}
