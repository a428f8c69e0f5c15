import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Blueprint, PainPoint } from '../../blueprints/models/blueprint.model';

@ObjectType({ description: 'Where a page of a list ends (GraphQL Cursor Connections).' })
export class PageInfo {
  @Field({ description: 'whether items follow this page' }) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'the cursor of the last item of the page, to pass as `after`; null for an empty page' })
  endCursor: string | null;
}

@ObjectType({ description: 'A pain point of a page, with its place in the list.' })
export class PainPointEdge {
  @Field({ description: 'the place of this pain point, to pass as `after`' }) cursor: string;
  @Field(() => PainPoint, { description: 'the pain point' }) node: PainPoint;
}

@ObjectType({ description: 'One page of pain points across blueprints.' })
export class PainPointConnection {
  @Field(() => Int, { description: 'how many pain points the filters keep, over every page' }) totalCount: number;
  @Field(() => [PainPointEdge], { description: 'the pain points of this page, in order' }) edges: PainPointEdge[];
  @Field(() => PageInfo, { description: 'where this page ends' }) pageInfo: PageInfo;
}

@ObjectType({ description: 'A blueprint of a page, with its place in the list (by key).' })
export class BlueprintEdge {
  @Field({ description: 'the place of this blueprint, to pass as `after`' }) cursor: string;
  @Field(() => Blueprint, { description: 'the blueprint' }) node: Blueprint;
}

@ObjectType({ description: 'One page of blueprints, by key.' })
export class BlueprintConnection {
  @Field(() => Int, { description: 'how many blueprints the filters keep, over every page' }) totalCount: number;
  @Field(() => [BlueprintEdge], { description: 'the blueprints of this page, in key order' }) edges: BlueprintEdge[];
  @Field(() => PageInfo, { description: 'where this page ends' }) pageInfo: PageInfo;
}
