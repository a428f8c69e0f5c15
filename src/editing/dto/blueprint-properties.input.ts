import { Field, InputType } from '@nestjs/graphql';
import { BlueprintState } from '../../blueprints/models/enums';
import { PersonaDocument } from '../../blueprints/dto/blueprint-document';

/** The blueprint's own fields; an absent field stays as it is, a null clears it where it may be cleared. */
@InputType()
export class BlueprintPropertiesInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => BlueprintState, { nullable: true }) state?: BlueprintState | null;
  @Field(() => PersonaDocument, { nullable: true }) persona?: PersonaDocument | null;
}
