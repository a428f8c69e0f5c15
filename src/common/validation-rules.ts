import { ValidationOptions, ValidateBy, buildMessage } from 'class-validator';
import { didYouMean } from './nearest-name';

/** The field rules of the blueprint document (docs/api-contract.md), shared by the API, the files and the JSON Schema. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const MAX_STAGES = 200;
export const MAX_STEPS = 1000;
export const MAX_ACTIONS = 5000;
export const MAX_PAIN_POINTS = 1000;
export const MAX_REFERENCES = 50000;

export function isKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

export const KEY_MESSAGE = 'must be a key: lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 100 characters';

export function IsKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKey',
      constraints: [KEY_PATTERN.source],
      validator: {
        validate: (value) => isKey(value),
        defaultMessage: buildMessage(() => `${options?.each ? 'each item ' : ''}${KEY_MESSAGE}`, options),
      },
    },
    options,
  );
}

const nameMessage = (max: number) => `must be a text of 1 to ${max} characters, as given, with at least one visible character`;
export const NAME_MESSAGE = nameMessage(NAME_MAX);

/**
 * A character that shows: not white space, not a control or format character
 * (U+200B and its kind), not one that renderers ignore (Hangul fillers,
 * variation selectors, the combining grapheme joiner), and not the blank
 * braille pattern. The same class serves the JSON Schema.
 */
export const VISIBLE_CHARACTER = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** A name, title or evidence item: at most `max` characters as given (nothing trimmed), at least one visible. */
export function isNameText(value: unknown, max = NAME_MAX): boolean {
  return typeof value === 'string' && charactersAtMost(value, max) && VISIBLE_CHARACTER.test(value);
}

/** At most `max` characters (code points); counted only when the UTF-16 length, never fewer, is over. */
function charactersAtMost(text: string, max: number): boolean {
  return text.length <= max || [...text].length <= max;
}

/** A name, title or evidence item (see isNameText). */
export function IsName(max = NAME_MAX, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isName',
      constraints: [1, max],
      validator: {
        validate: (value) => isNameText(value, max),
        defaultMessage: buildMessage(() => `${options?.each ? 'each item ' : ''}${nameMessage(max)}`, options),
      },
    },
    options,
  );
}

export function IsText(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isText',
      constraints: [0, max],
      validator: {
        validate: (value) => typeof value === 'string' && charactersAtMost(value, max),
        defaultMessage: buildMessage(() => `must be a text of at most ${max} characters`, options),
      },
    },
    options,
  );
}

/** A share of customers: greater than 0, at most 1. */
export function IsFrequency(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFrequency',
      constraints: [0, 1],
      validator: {
        validate: (value) => typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1,
        defaultMessage: buildMessage(() => 'must be a number greater than 0 and at most 1', options),
      },
    },
    options,
  );
}

export function IsIntegerIn(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerIn',
      constraints: [min, max],
      validator: {
        validate: (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: buildMessage(() => `must be an integer from ${min} to ${max}`, options),
      },
    },
    options,
  );
}

export function IsOneOf(values: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOneOf',
      constraints: [values],
      validator: {
        validate: (value) => typeof value === 'string' && values.includes(value),
        defaultMessage: buildMessage((_each, args) => `must be one of ${values.join(', ')}${didYouMean(args?.value, values)}`, options),
      },
    },
    options,
  );
}
