import { GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';

/** The descriptions of the root operation types, which code-first NestJS has no decorator for. */
export const ROOT_TYPE_DESCRIPTIONS = {
  query: 'What can be read: blueprints and their exports, the organisation, blame analyses (root causes, blame by level, what-if, dependents), versions, comparisons, lint, opportunities, and paged lists of pain points and blueprints.',
  mutation: 'What can be written: blueprints (import, granular edits, restore, duplicate, delete), the organisation and opportunities. Each mutation is one transaction; a rejected one writes nothing.',
  subscription: 'Changes pushed over WebSocket at /graphql (the graphql-ws protocol).',
} as const;

/**
 * The schema with its root operation types described (ROOT_TYPE_DESCRIPTIONS), as a new schema.
 * Applied where the schema is built, both to the served one (AppModule's transformSchema) and to
 * the one printed to schema.gql (buildSchemaText), so that the two stay the same.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const described = new Map<GraphQLNamedType, GraphQLObjectType>();
  const describe = (type: GraphQLObjectType | null | undefined, description: string): GraphQLObjectType | undefined => {
    if (!type) return undefined;
    const copy = new GraphQLObjectType({ ...type.toConfig(), description });
    described.set(type, copy);
    return copy;
  };
  return new GraphQLSchema({
    ...config,
    query: describe(config.query, ROOT_TYPE_DESCRIPTIONS.query),
    mutation: describe(config.mutation, ROOT_TYPE_DESCRIPTIONS.mutation),
    subscription: describe(config.subscription, ROOT_TYPE_DESCRIPTIONS.subscription),
    types: config.types.map((type) => described.get(type) ?? type),
  });
}
