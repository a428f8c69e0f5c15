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

  @Query(() => PainPointConnection, { description: 'Pain points across blueprints, filtered, one page at a time, by impact (or severity or frequency) descending.' })
  painPoints(@Args() args: PainPointPageArgs): Promise<PainPointConnection> {
    return this.paging.painPoints(args);
  }

  @Query(() => BlueprintConnection, { description: 'Blueprints by key, one page at a time.' })
  blueprintConnection(@Args() args: BlueprintPageArgs, @Info() info: GraphQLResolveInfo): Promise<BlueprintConnection> {
    return this.paging.blueprints(args, selectsAnyOf(info, CONTENT_FIELDS, ['edges', 'node']));
  }
}
