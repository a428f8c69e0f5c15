import { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { ForbiddenError } from '../common/errors';
import { AccessRole, allows } from './access-role';
import { fragmentsOf } from './fragments';
import { Principal, RequestContext, principalOf } from './principal';
import { QueryLimits } from './query-limit-settings';
import { limitViolations, limitsError } from './query-limits';
import { requiredRole } from './required-role';

/**
 * The checks of an operation once it is parsed, validated and chosen, before
 * any resolver runs: first what is wrong with the document itself (its size
 * against the limits, measured with the variables' values), then the role it
 * needs. A refused operation writes nothing and reaches no database.
 */
export function operationChecksPlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document, operation, request }) {
          // No operation chosen (several and no operationName, or an unknown one): execution reports that
          // document error to everyone alike, whatever their role.
          if (!operation) return;
          checkOperation({ schema, document, operation, variables: request.variables ?? {}, principal: principalOf(contextValue), limits });
        },
      };
    },
  };
}

export interface OperationToCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  principal: Principal;
  limits: QueryLimits;
}

/** Throws what is wrong with an operation: over the limits, or beyond the principal's role. Over HTTP and WebSocket alike. */
export function checkOperation({ schema, document, operation, variables, principal, limits }: OperationToCheck): void {
  const fragments = fragmentsOf(document);
  const violations = limitViolations(schema, operation, fragments, limits, variables);
  if (violations.length > 0) throw limitsError(violations, operation);
  const needed = requiredRole(schema, fragments, operation);
  if (!allows(principal.role, needed)) {
    throw new ForbiddenError(
      `This operation needs the role ${needed}; the key ${principal.label} has the role ${principal.role}` +
        (needed === AccessRole.ADMIN ? ' (organisation-wide changes and deletes are for admin keys)' : ''),
    );
  }
}
