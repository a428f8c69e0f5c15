import { ArgsType, Field, Int, IntersectionType, registerEnumType } from '@nestjs/graphql';
import { StatesArgs } from '../../blueprints/dto/states.args';
import { PainCategory } from '../../blueprints/models/enum-types';
import { PAGE_SIZE } from '../cursor';

export enum PainPointOrder {
  IMPACT = 'IMPACT',
  SEVERITY = 'SEVERITY',
  FREQUENCY = 'FREQUENCY',
}
registerEnumType(PainPointOrder, {
  name: 'PainPointOrder',
  description: 'How pain points are ordered: by this value descending, then by blueprint key and key ascending.',
  valuesMap: {
    IMPACT: { description: 'severity x frequency' },
    SEVERITY: { description: 'the severity, 1..5' },
    FREQUENCY: { description: 'the share of customers who meet it, 0..1' },
  },
});

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: PAGE_SIZE.default, description: `how many items, ${PAGE_SIZE.min}..${PAGE_SIZE.max}` })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'the endCursor (or an edge cursor) of the page before; the first page when absent' })
  after?: string | null;
}

@ArgsType()
export class BlueprintPageArgs extends IntersectionType(PageArgs, StatesArgs, ArgsType) {}

@ArgsType()
export class PainPointPageArgs extends BlueprintPageArgs {
  @Field(() => String, { nullable: true, description: 'the pain points of one blueprint (NOT_FOUND if it does not exist); of every blueprint when absent' })
  blueprintKey?: string | null;
  @Field(() => [PainCategory], { nullable: true, description: 'only pain points of these categories; every category when absent' })
  categories?: PainCategory[] | null;
  @Field(() => Int, { nullable: true, description: 'only pain points of at least this severity, 1..5' })
  minSeverity?: number | null;
  @Field(() => PainPointOrder, { nullable: true, defaultValue: PainPointOrder.IMPACT, description: 'the order of the list' })
  orderBy?: PainPointOrder | null;
}
