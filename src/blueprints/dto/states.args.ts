import { ArgsType, Field } from '@nestjs/graphql';
import { BlueprintState } from '../models/enum-types';

/** The `states` filter of the questions and lists over every blueprint (docs/api-contract.md, "Clients"). */
@ArgsType()
export class StatesArgs {
  @Field(() => [BlueprintState], { nullable: true, description: 'only blueprints in these states; every state when absent or null, none when empty' })
  states?: BlueprintState[] | null;
}
