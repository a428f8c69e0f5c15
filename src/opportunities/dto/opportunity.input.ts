import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from '@nestjs/graphql';
import { FixInput } from '../../analysis/models/decision.models';
import { DESCRIPTION_MAX, IsIntegerIn, IsKey, IsName, IsOneOf, IsText } from '../../common/validation-rules';
import { OpportunityStatus } from '../models/opportunity.model';

@InputType()
export class OpportunityInput {
  @Field({ description: 'the key pattern of documents' }) @IsKey() key: string;
  @Field({ description: '1..200' }) @IsName() title: string;
  @Field(() => String, { nullable: true, description: 'up to 5,000' }) @IsOptional() @IsText(DESCRIPTION_MAX) description?: string | null;
  @Field(() => OpportunityStatus, { nullable: true, description: 'default IDEA' })
  @IsOptional()
  @IsOneOf(Object.values(OpportunityStatus))
  status?: OpportunityStatus | null;
  @Field(() => Int, { description: '1..5' }) @IsIntegerIn(1, 5) effort: number;
  @Field(() => String, { nullable: true, description: 'Department key' }) @IsOptional() @IsKey() owner?: string | null;
  @Field(() => [FixInput], { description: 'at least one' })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one fix' })
  @ValidateNested({ each: true })
  @Type(() => FixInput)
  fixes: FixInput[];
}
