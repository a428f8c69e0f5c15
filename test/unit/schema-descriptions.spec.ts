import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  GraphQLNamedType,
  GraphQLSchema,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/** Every element of the schema that a client sees, by its coordinate (Type, Type.field, Type.field(arg), Enum.VALUE), with its description. */
function describedElements(schema: GraphQLSchema): { coordinate: string; description: string | null | undefined }[] {
  const elements: { coordinate: string; description: string | null | undefined }[] = [];
  const types = Object.values(schema.getTypeMap()).filter(
    (type: GraphQLNamedType) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
  );
  for (const type of types) {
    elements.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
        for (const arg of 'args' in field ? field.args : []) {
          elements.push({ coordinate: `${type.name}.${field.name}(${arg.name})`, description: arg.description });
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) elements.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  return elements;
}

describe('the descriptions of the committed schema.gql', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
  const elements = describedElements(schema);

  it('cover every type, field, argument, input field and enum value (run `npm run schema` after adding them in the code)', () => {
    const undescribed = elements.filter(({ description }) => !description?.trim()).map(({ coordinate }) => coordinate);
    expect(undescribed).toEqual([]);
  });

  it('are looked for in the whole schema, root operation types included', () => {
    const coordinates = new Set(elements.map(({ coordinate }) => coordinate));
    for (const coordinate of ['Query', 'Mutation', 'Subscription', 'Query.rootCauses(retention)', 'PainContribution.chains(limit)', 'BlueprintDocumentInput.stages', 'Lane.CUSTOMER']) {
      expect(coordinates).toContain(coordinate);
    }
  });
});
