import { Args, Context, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { selectsAnyOf } from '../common/selection';
import { BlueprintsService } from './blueprints.service';
import { MAX_DOCUMENTS_PER_IMPORT } from './import-limits';
import { BlueprintDocument } from './dto/blueprint-document';
import { Blueprint } from './models/blueprint.model';
import { ImportMode } from './models/enum-types';
import { ImportResult } from './models/import-result.model';
import { AccessRole, allows } from '../security/access-role';
import { RequestContext, principalOf } from '../security/principal';
import { RequiresRole } from '../security/required-role';
import { ExpectedVersion, WriteRequest, Writer } from '../history/write-request';

/** The fields of a blueprint that need its contents read. */
export const CONTENT_FIELDS = ['stages', 'painPoints'];

@Resolver(() => Blueprint)
export class BlueprintsResolver {
  constructor(private readonly service: BlueprintsService) {}

  @Query(() => [Blueprint], { description: 'Every blueprint, by key.' })
  blueprints(@Info() info: GraphQLResolveInfo): Promise<Blueprint[]> {
    return this.service.list(selectsAnyOf(info, CONTENT_FIELDS));
  }

  @Query(() => Blueprint, { nullable: true, description: 'null if absent' })
  blueprint(@Args('key', { description: "the blueprint's key" }) key: string, @Info() info: GraphQLResolveInfo): Promise<Blueprint | null> {
    return this.service.get(key, selectsAnyOf(info, CONTENT_FIELDS));
  }

  @Query(() => BlueprintDocument, { description: 'The current document, or that of a kept version; NOT_FOUND if absent' })
  exportBlueprint(
    @Args('key', { description: "the blueprint's key" }) key: string,
    @Args('version', { type: () => Int, nullable: true, description: 'a kept version (blueprintVersions); the current document when absent' })
    version: number | null,
  ): Promise<BlueprintDocument> {
    return this.service.export(key, version);
  }

  @Mutation(() => ImportResult, {
    description:
      'Writes a blueprint document in one transaction: creates the blueprint, or replaces it in mode REPLACE; ' +
      'every problem of the document is reported at once (BAD_USER_INPUT), and a rejected import writes nothing.',
  })
  importBlueprint(
    @Args('document', { type: () => BlueprintDocument, description: 'the blueprint with everything it references' }) document: BlueprintDocument,
    @Args('mode', {
      type: () => ImportMode,
      nullable: true,
      defaultValue: ImportMode.CREATE,
      description: 'what to do when the key exists: CREATE (the default) answers CONFLICT, REPLACE replaces it',
    })
    mode: ImportMode | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
    @Info() info: GraphQLResolveInfo,
    @Context() context: RequestContext,
  ): Promise<ImportResult> {
    const withContents = selectsAnyOf(info, CONTENT_FIELDS, ['blueprint']);
    const mayChangeOrganisation = allows(principalOf(context).role, AccessRole.ADMIN);
    return this.service.import(document, mode ?? ImportMode.CREATE, {
      withContents,
      mayChangeOrganisation,
      write: { ...writer, expectedVersion },
    });
  }

  @Mutation(() => [ImportResult], {
    description:
      'Writes several blueprint documents in one transaction, in order (a later one may reference the organisation entries an earlier one lists): ' +
      `all are written or none. 1..${MAX_DOCUMENTS_PER_IMPORT} documents; every problem of every document is reported at once, ` +
      'each path starting with documents[i].',
  })
  importBlueprints(
    @Args('documents', { type: () => [BlueprintDocument], description: `the blueprints, each with everything it references; 1..${MAX_DOCUMENTS_PER_IMPORT}` })
    documents: BlueprintDocument[],
    @Args('mode', {
      type: () => ImportMode,
      nullable: true,
      defaultValue: ImportMode.CREATE,
      description: 'what to do when a key exists: CREATE (the default) answers CONFLICT, REPLACE replaces it',
    })
    mode: ImportMode | null,
    @Args('updateOrganisation', {
      type: () => Boolean,
      nullable: true,
      defaultValue: true,
      description:
        'whether the documents may rename existing departments, roles, systems and processes or move them to another department (every blueprint shares them); ' +
        'false answers CONFLICT naming each change (extensions.organisationChanges), and nothing is written',
    })
    updateOrganisation: boolean | null,
    @Args('expectedVersion', {
      type: () => Int,
      nullable: true,
      description: 'with exactly one document, the version it was made against: if the blueprint is at another one, CONFLICT and nothing is written',
    })
    expectedVersion: number | null,
    @Writer() writer: WriteRequest,
    @Info() info: GraphQLResolveInfo,
    @Context() context: RequestContext,
  ): Promise<ImportResult[]> {
    return this.service.importMany(documents, mode ?? ImportMode.CREATE, {
      withContents: selectsAnyOf(info, CONTENT_FIELDS, ['blueprint']),
      mayChangeOrganisation: allows(principalOf(context).role, AccessRole.ADMIN),
      keepOrganisation: updateOrganisation === false,
      write: { ...writer, expectedVersion },
    });
  }

  @RequiresRole(AccessRole.ADMIN)
  @Mutation(() => Boolean, { description: 'Deletes the blueprint with its history; NOT_FOUND if absent; organisation-wide nodes stay' })
  deleteBlueprint(@Args('key', { description: 'the key of the blueprint to delete' }) key: string): Promise<boolean> {
    return this.service.delete(key);
  }
}
