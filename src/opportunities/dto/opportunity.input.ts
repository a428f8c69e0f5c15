import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from '@nestjs/graphql';
import { FixInput } from '../../analysis/models/decision.models';
import { DESCRIPTION_MAX, IsIntegerIn, IsKey, IsName, IsOneOf, IsText } from '../../common/validation-rules';
import { OpportunityStatus } from '../models/opportunity.model';

@InputType({ description: 'An opportunity to create, or to replace whole, by key.' })
export class OpportunityInput {
  @Field({ description: "its unique key, by the rule of document keys: 1..100 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit" }) @IsKey() key: string;
  @Field({ description: 'a short title, 1..200 characters' }) @IsName() title: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null for none' }) @IsOptional() @IsText(DESCRIPTION_MAX) description?: string | null;
  @Field(() => OpportunityStatus, { nullable: true, description: 'where it stands; IDEA when null or absent' })
  @IsOptional()
  @IsOneOf(Object.values(OpportunityStatus))
  status?: OpportunityStatus | null;
  @Field(() => Int, { description: 'the effort it takes, an integer from 1 (least) to 5 (most)' }) @IsIntegerIn(1, 5) effort: number;
  @Field(() => String, { nullable: true, description: 'the key of the owning department; null for none' }) @IsOptional() @IsKey() owner?: string | null;
  @Field(() => [FixInput], { description: 'what it would fix, at least one' })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one fix' })
  @ValidateNested({ each: true })
  @Type(() => FixInput)
  fixes: FixInput[];
}
