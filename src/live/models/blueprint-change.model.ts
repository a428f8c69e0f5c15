import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A write to a watched blueprint: the version it made, or its deletion.' })
export class BlueprintChange {
  @Field({ description: 'the key of the blueprint written' }) blueprintKey: string;
  @Field(() => Int, { nullable: true, description: 'the version the write made; null when the blueprint was deleted' })
  version: number | null;
  @Field({ description: 'when it was written (ISO 8601, UTC)' }) at: string;
  @Field({ description: 'the mutation that made it, e.g. importBlueprint, addAction; deleteBlueprint for a deletion' })
  operation: string;
  @Field(() => String, { nullable: true, description: 'the label of the API key that made it; null where access control is off or unknown' })
  author: string | null;
  @Field({ description: 'whether the blueprint no longer exists' }) deleted: boolean;
}

