import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { BlueprintState } from '../../blueprints/models/enum-types';
import { PersonaDocument } from '../../blueprints/dto/blueprint-document';
import { DESCRIPTION_MAX, IsName, IsOneOf, IsText } from '../../common/validation-rules';

/** The blueprint's own fields; an absent field stays as it is, a null clears it where it may be cleared. */
@InputType({ description: "A blueprint's own fields, for updateBlueprint: an absent field stays as it is." })
export class BlueprintPropertiesInput {
  @Field(() => String, { nullable: true, description: 'the new name, 1..200 characters; unchanged when absent or null' })
  @IsOptional()
  @IsName()
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'the new description, up to 5,000 characters; unchanged when absent, cleared by null' })
  @IsOptional()
  @IsText(DESCRIPTION_MAX)
  description?: string | null;
  @Field(() => BlueprintState, { nullable: true, description: 'the new state; unchanged when absent or null' })
  @IsOptional()
  @IsOneOf(Object.values(BlueprintState))
  state?: BlueprintState | null;
  @Field(() => PersonaDocument, { nullable: true, description: 'the new persona, replacing the old; unchanged when absent, removed by null' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => PersonaDocument)
  persona?: PersonaDocument | null;
}

/** The arguments of updateStep, checked by the document's rules (not a GraphQL type). */
export class StepNameInput {
  @IsOptional() @IsName() name?: string | null;
  @IsOptional() @IsArray() @IsName(undefined, { each: true }) evidence?: string[] | null;
}
