import { Injectable } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import { CONTENT_FIELDS } from '../blueprints/blueprints.resolver';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { NotFoundError } from '../common/errors';
import { requestLoader } from '../common/request-loaders';
import { selectsAnyOf } from '../common/selection';

/**
 * The Blueprint objects beside the fields that hold blueprint keys: every such
 * field of a request is read in one query (the whole tree only when one of
 * them selects stages or pain points).
 */
@Injectable()
export class BlueprintReferences {
  constructor(private readonly blueprints: BlueprintsService) {}

  /** The blueprint with this key; NOT_FOUND if it was deleted since the answer's other figures were read. */
  one(key: string, context: object, info: GraphQLResolveInfo): Promise<Blueprint> {
    return this.loader(context, info).load(key);
  }

  /** The blueprints with these keys, in their order; any deleted since are left out. */
  async many(keys: string[], context: object, info: GraphQLResolveInfo): Promise<Blueprint[]> {
    const found = await this.loader(context, info).loadMany(keys);
    return found.filter((blueprint): blueprint is Blueprint => !(blueprint instanceof Error));
  }

  private loader(context: object, info: GraphQLResolveInfo) {
    const withContents = selectsAnyOf(info, CONTENT_FIELDS);
    return requestLoader(
      context,
      withContents ? 'blueprints with contents' : 'blueprint headers',
      (keys: string[]) => this.blueprints.byKeys(keys, withContents),
      (key) => new NotFoundError(`No blueprint with the key "${key}"`),
    );
  }
}
