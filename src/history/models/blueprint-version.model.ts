import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One kept version of a blueprint: the write that made it.' })
export class BlueprintVersion {
  @Field(() => Int, { description: 'its number: 1 at creation, +1 for every write that changes the blueprint' }) version: number;
  @Field({ description: 'when it was written (ISO 8601, UTC)' }) at: string;
  @Field({ description: 'the mutation that made it, e.g. importBlueprint, addAction, "restoreBlueprint (version 3)"' })
  operation: string;
  @Field(() => String, { nullable: true, description: "the label of the API key that made it; null where access control is off" })
  author: string | null;
}
