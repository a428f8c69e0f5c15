import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { CONTENT_FIELDS } from '../blueprints/blueprints.resolver';
import { selectsAnyOf } from '../common/selection';
import { BlueprintPageArgs, PainPointPageArgs } from './dto/paging.args';
import { BlueprintConnection, PainPointConnection } from './models/connections.model';
import { PagingService } from './paging.service';

@Resolver()
export class PagingResolver {
  constructor(private readonly paging: PagingService) {}

  @Query(() => PainPointConnection, { description:
      'Pain points across blueprints, filtered, one page at a time, by impact (or severity or frequency) descending. ' +
      'A cursor is a place in that order (keyset paging): a walk to the end meets every item that stays put once, in order, ' +
      'while blueprints are written between pages; an item written meanwhile is met if its new place lies ahead (so an edit that moves one ahead meets it again), not if behind.',
  })
  painPoints(@Args() args: PainPointPageArgs): Promise<PainPointConnection> {
    return this.paging.painPoints(args);
  }

  @Query(() => BlueprintConnection, { description: 'Blueprints by key, one page at a time.' })
  blueprintConnection(@Args() args: BlueprintPageArgs, @Info() info: GraphQLResolveInfo): Promise<BlueprintConnection> {
    return this.paging.blueprints(args, selectsAnyOf(info, CONTENT_FIELDS, ['edges', 'node']));
  }
}
