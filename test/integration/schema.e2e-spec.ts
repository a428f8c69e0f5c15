import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  Kind,
  TypeNode,
  astFromValue,
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  print,
} from 'graphql';
import { printSortedSchema } from '../../src/schema/schema-printer';
import { FIXTURES } from '../helpers/fixtures';
import { TestApp, startTestApp } from '../helpers/test-app';

const typeText = (node: TypeNode): string => print(node);

describe('the GraphQL schema', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('answers the introspection query of GraphQL tools (GraphiQL, code generators, BI connectors) within the limits', async () => {
    const { data, errors } = await api.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(errors).toBeUndefined();
    expect(printSortedSchema(buildClientSchema(data))).toBe(printSortedSchema(api.app.get(GraphQLSchemaHost).schema));
  });

  it('is the committed schema.gql (run `npm run schema` after changing the code)', () => {
    const served = printSortedSchema(api.app.get(GraphQLSchemaHost).schema);
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.gql'), 'utf8');
    expect(served).toBe(committed);
  });

  it('holds every type, field, argument and default of the client contract exactly', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const contract = parse(fs.readFileSync(path.join(FIXTURES, 'api-contract.graphql'), 'utf8'));
    const mismatches: string[] = [];
    for (const definition of contract.definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.ENUM_TYPE_DEFINITION
      ) {
        continue;
      }
      const name = definition.name.value;
      const type = schema.getType(name);
      if (!type) {
        mismatches.push(`type ${name} is missing`);
        continue;
      }
      if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
        const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
        expect([name, [...values].sort()]).toEqual([name, definition.values!.map((v) => v.name.value).sort()]);
        continue;
      }
      const fields = (type as GraphQLObjectType | GraphQLInputObjectType).getFields();
      for (const field of definition.fields ?? []) {
        const served = fields[field.name.value];
        const where = `${name}.${field.name.value}`;
        if (!served) {
          mismatches.push(`${where} is missing`);
          continue;
        }
        if (String(served.type) !== typeText(field.type)) mismatches.push(`${where}: ${served.type} instead of ${typeText(field.type)}`);
        for (const arg of 'arguments' in field ? field.arguments ?? [] : []) {
          const servedArg = (served as any).args?.find((a: any) => a.name === arg.name.value);
          if (!servedArg) {
            mismatches.push(`${where}(${arg.name.value}) is missing`);
            continue;
          }
          if (String(servedArg.type) !== typeText(arg.type)) mismatches.push(`${where}(${arg.name.value}): ${servedArg.type} instead of ${typeText(arg.type)}`);
          const servedDefault = servedArg.defaultValue === undefined ? undefined : print(astFromValue(servedArg.defaultValue, servedArg.type)!);
          const contractDefault = arg.defaultValue ? print(arg.defaultValue) : undefined;
          if (servedDefault !== contractDefault) mismatches.push(`${where}(${arg.name.value}) defaults to ${servedDefault}, not ${contractDefault}`);
        }
        const extraArgs = ((served as any).args ?? []).filter(
          (a: any) => !('arguments' in field && field.arguments?.some((c) => c.name.value === a.name)),
        );
        if (extraArgs.length > 0) mismatches.push(`${where} has arguments the contract lacks: ${extraArgs.map((a: any) => a.name)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the export type exactly the fields of the document input, part by part', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const pairs: [string, string][] = [
      ['BlueprintDocumentInput', 'BlueprintDocument'],
      ['PersonaInput', 'DocumentPersona'],
      ['DepartmentInput', 'DocumentDepartment'],
      ['RoleInput', 'DocumentRole'],
      ['SystemInput', 'DocumentSystem'],
      ['ProcessInput', 'DocumentProcess'],
      ['StageInput', 'DocumentStage'],
      ['StepInput', 'DocumentStep'],
      ['ActionInput', 'DocumentAction'],
      ['PainPointInput', 'DocumentPainPoint'],
    ];
    for (const [input, output] of pairs) {
      const inputFields = (schema.getType(input) as GraphQLInputObjectType).getFields();
      const outputFields = (schema.getType(output) as GraphQLObjectType).getFields();
      expect(Object.keys(outputFields).sort()).toEqual(Object.keys(inputFields).sort());
    }
  });
});
