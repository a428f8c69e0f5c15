import { readFileSync } from 'node:fs';
import { GraphQLObjectType, GraphQLSchema, Kind, OperationDefinitionNode, buildSchema, parse } from 'graphql';
import { AccessRole, allows } from '../../src/security/access-role';
import { fragmentsOf } from '../../src/security/fragments';
import { requiredRole } from '../../src/security/required-role';

/** The committed schema, with the admin marks that the resolvers put on its mutations. */
function schemaWithRoles(): GraphQLSchema {
  const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
  const mutation = schema.getMutationType() as GraphQLObjectType;
  for (const name of ['deleteBlueprint', 'upsertDepartment']) {
    (mutation.getFields()[name] as { extensions: object }).extensions = { requiredRole: AccessRole.ADMIN };
  }
  return schema;
}

function roleOf(schema: GraphQLSchema, text: string): AccessRole {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return requiredRole(schema, fragmentsOf(document), operation);
}

describe('access roles', () => {
  const schema = schemaWithRoles();

  it('orders the roles: admin may all, viewer only what viewers may', () => {
    expect(allows(AccessRole.ADMIN, AccessRole.DESIGNER)).toBe(true);
    expect(allows(AccessRole.DESIGNER, AccessRole.DESIGNER)).toBe(true);
    expect(allows(AccessRole.DESIGNER, AccessRole.ADMIN)).toBe(false);
    expect(allows(AccessRole.VIEWER, AccessRole.DESIGNER)).toBe(false);
  });

  it('queries need a viewer, mutations a designer, marked mutations an admin', () => {
    expect(roleOf(schema, '{ blueprints { key } }')).toBe(AccessRole.VIEWER);
    expect(roleOf(schema, '{ __schema { queryType { name } } }')).toBe(AccessRole.VIEWER);
    expect(roleOf(schema, 'mutation { removeStage(blueprintKey: "b", key: "s") { key } }')).toBe(AccessRole.DESIGNER);
    expect(roleOf(schema, 'mutation { deleteBlueprint(key: "b") }')).toBe(AccessRole.ADMIN);
  });

  it('the highest role of any root field counts, also inside fragments', () => {
    expect(roleOf(schema, 'mutation { a: removeStage(blueprintKey: "b", key: "s") { key } deleteBlueprint(key: "b") }')).toBe(
      AccessRole.ADMIN,
    );
    expect(roleOf(schema, 'mutation { ... on Mutation { deleteBlueprint(key: "b") } }')).toBe(AccessRole.ADMIN);
    expect(
      roleOf(schema, 'mutation { ...M } fragment M on Mutation { upsertDepartment(department: { key: "d", name: "D" }) { key } }'),
    ).toBe(AccessRole.ADMIN);
  });
});
