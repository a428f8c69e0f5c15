import { Field, Float, InputType, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/graphql';
import { Type } from '@nestjs/common';
import { IsOptional } from 'class-validator';
import { ActionDocument, PainPointDocument } from '../../blueprints/dto/blueprint-document';
import { PainCategory } from '../../blueprints/models/enum-types';
import { IsFrequency, IsKey, IsOneOf } from '../../common/validation-rules';

/*
 * The changes of updateAction and updatePainPoint: the part's key and the
 * fields to change, with the document's own rules for each field. A field
 * left out stays as it is; an optional field given as null is cleared.
 */

/** A part's key, required, and every other field of it optional, with the document's rules. */
function keyAndChanges<T extends { key: string }>(part: Type<T>) {
  return IntersectionType(PickType(part, ['key'] as const, InputType), PartialType(OmitType(part, ['key'] as const, InputType), InputType), InputType);
}

@InputType('ActionChangesInput', {
  description:
    "Changes to an existing action, by key: a field left out stays as it is, an optional field given as null is cleared (name and lane cannot be, so null leaves them).",
})
export class ActionChangesInput extends keyAndChanges(ActionDocument) {
  @Field({ description: 'the key of the action to change' }) @IsKey() declare key: string;
}

@InputType('PainPointChangesInput', {
  description:
    'Changes to an existing pain point, by key: a field left out stays as it is, an optional field given as null is cleared (title, action and severity cannot be, so null leaves them).',
})
export class PainPointChangesInput extends keyAndChanges(PainPointDocument) {
  @Field({ description: 'the key of the pain point to change' }) @IsKey() declare key: string;
  @Field(() => Float, { nullable: true, description: 'the new share of customers who meet it, in (0, 1]; unchanged when absent, back to 1 by null' })
  @IsOptional()
  @IsFrequency()
  declare frequency?: number | null;
  @Field(() => PainCategory, { nullable: true, description: 'its new kind; unchanged when absent, back to OTHER by null' })
  @IsOptional()
  @IsOneOf(Object.values(PainCategory))
  declare category?: PainCategory | null;
}
