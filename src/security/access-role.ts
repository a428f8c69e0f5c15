// Plain TypeScript only: the configuration imports it, and jest's global setup loads the configuration
// outside the test files' module registry, where loading @nestjs/graphql breaks their type metadata.
/** What an API key may do; each role may do all that the ones before it may. */
export enum AccessRole {
  /** Queries. */
  VIEWER = 'viewer',
  /** Queries and the mutations of blueprints. */
  DESIGNER = 'designer',
  /** Everything: also the organisation-wide departments, roles, systems, processes, and deletes. */
  ADMIN = 'admin',
}

export const ACCESS_ROLES = [AccessRole.VIEWER, AccessRole.DESIGNER, AccessRole.ADMIN];

export function isAccessRole(value: string): value is AccessRole {
  return (ACCESS_ROLES as string[]).includes(value);
}

export function allows(has: AccessRole, needs: AccessRole): boolean {
  return ACCESS_ROLES.indexOf(has) >= ACCESS_ROLES.indexOf(needs);
}
