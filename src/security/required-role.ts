import { Extensions } from '@nestjs/graphql';
import { FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { AccessRole, allows } from './access-role';

const EXTENSION = 'requiredRole';

/** On a root field: the role it needs beyond its kind's default (queries: viewer, mutations: designer). */
export const RequiresRole = (role: AccessRole) => Extensions({ [EXTENSION]: role });

/**
 * The role an operation needs: the highest that any of its root fields needs.
 * Checked once for the whole operation, before anything runs, so that a
 * document mixing allowed and forbidden mutations writes nothing. Only root
 * fields count, so each fragment is looked into once, however often spread.
 */
export function requiredRole(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
): AccessRole {
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const byDefault = operation.operation === 'query' ? AccessRole.VIEWER : AccessRole.DESIGNER;
  const visited = new Set<string>();
  let needed = AccessRole.VIEWER;
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = rootType?.getFields()[selection.name.value];
        // Introspection fields (__schema, __typename) are not the root type's: viewers may ask them.
        const role = (field?.extensions?.[EXTENSION] as AccessRole | undefined) ?? (field ? byDefault : AccessRole.VIEWER);
        if (!allows(needed, role)) needed = role;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return needed;
}
