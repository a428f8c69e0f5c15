import { InputType, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/graphql';
import { ActionDocument, PainPointDocument } from '../../blueprints/dto/blueprint-document';

/*
 * The changes of updateAction and updatePainPoint: the part's key and the
 * fields to change, with the document's own rules for each field. A field
 * left out stays as it is; an optional field given as null is cleared.
 */

@InputType('ActionChangesInput', {
  description:
    "Changes to an existing action, by key: a field left out stays as it is, an optional field given as null is cleared (name and lane cannot be, so null leaves them).",
})
export class ActionChangesInput extends IntersectionType(
  PickType(ActionDocument, ['key'] as const, InputType),
  PartialType(OmitType(ActionDocument, ['key'] as const, InputType), InputType),
  InputType,
) {}

@InputType('PainPointChangesInput', {
  description:
    'Changes to an existing pain point, by key: a field left out stays as it is, an optional field given as null is cleared (title, action and severity cannot be, so null leaves them).',
})
export class PainPointChangesInput extends IntersectionType(
  PickType(PainPointDocument, ['key'] as const, InputType),
  PartialType(OmitType(PainPointDocument, ['key'] as const, InputType), InputType),
  InputType,
) {}
