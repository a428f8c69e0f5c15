import { ApolloServerPlugin } from '@apollo/server';
import { ForbiddenError } from '../common/errors';
import { AccessRole, allows } from './access-role';
import { requiredRole } from './required-role';
import { OPEN_ACCESS, RequestWithPrincipal } from './principal';

export interface RequestContext {
  req?: RequestWithPrincipal;
}

/**
 * Checks the role a whole operation needs once it is parsed and validated,
 * before any resolver runs: a refused operation writes nothing and reaches no
 * database.
 */
export function accessControlPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document, operation }) {
          const principal = contextValue.req?.principal ?? OPEN_ACCESS;
          const needed = operation ? requiredRole(schema, document, operation) : AccessRole.ADMIN;
          if (!allows(principal.role, needed)) {
            throw new ForbiddenError(
              `This operation needs the role ${needed}; the key ${principal.label} has the role ${principal.role}` +
                (needed === AccessRole.ADMIN ? ' (organisation-wide changes and deletes are for admin keys)' : ''),
            );
          }
        },
      };
    },
  };
}
