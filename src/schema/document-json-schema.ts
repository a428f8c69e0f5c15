// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
import { ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { KEY_PATTERN, VISIBLE_CHARACTER } from '../common/validation-rules';

/**
 * The JSON Schema of a blueprint document, derived from the very decorators
 * that validate it (src/blueprints/dto/blueprint-document.ts), for editors
 * that check YAML and JSON files as they are typed.
 */

type Schema = Record<string, any>;

const customRules: Record<string, (constraints: any[]) => Schema> = {
  isKey: () => ({ type: 'string', pattern: KEY_PATTERN.source }),
  isName: ([min, max]) => ({ type: 'string', minLength: min, maxLength: max, pattern: VISIBLE_CHARACTER.source }),
  isText: ([, max]) => ({ type: 'string', maxLength: max }),
  isFrequency: () => ({ type: 'number', exclusiveMinimum: 0, maximum: 1 }),
  isIntegerIn: ([min, max]) => ({ type: 'integer', minimum: min, maximum: max }),
  isOneOf: ([values]) => ({ type: 'string', enum: values }),
};

export function documentJsonSchema(): Schema {
  const definitions = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage as any,
    refPointerPrefix: '#/definitions/',
    additionalConverters: {
      [ValidationTypes.CUSTOM_VALIDATION]: (meta: any) => customRules[meta.name]?.(meta.constraints ?? []) ?? {},
    },
  }) as Record<string, Schema>;

  const reachable = collectReachable(definitions, BlueprintDocument.name);
  const out: Record<string, Schema> = {};
  for (const name of [...reachable].sort()) {
    const definition = definitions[name];
    const required = new Set<string>(definition.required ?? []);
    const properties: Record<string, Schema> = {};
    for (const [property, schema] of Object.entries<Schema>(definition.properties ?? {})) {
      // Optional fields may also be written as null, as the API's input types allow.
      properties[property] = required.has(property) ? schema : { anyOf: [schema, { type: 'null' }] };
    }
    out[name] = { type: 'object', properties, required: [...required], additionalProperties: false };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'blueprint-document.schema.json',
    title: 'Blueprint Graph blueprint document',
    description: 'One service blueprint with everything it references, as YAML or JSON (the BlueprintDocumentInput of the GraphQL API).',
    $ref: `#/definitions/${BlueprintDocument.name}`,
    definitions: out,
  };
}

function collectReachable(definitions: Record<string, Schema>, root: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !definitions[name]) return;
    seen.add(name);
    JSON.stringify(definitions[name]).replace(/#\/definitions\/(\w+)/g, (_, ref: string) => {
      visit(ref);
      return '';
    });
  };
  visit(root);
  return seen;
}
