import type { Request } from 'express';
import { AccessRole } from './access-role';

/** Who is asking: the role of the key presented, and its label for logs (never the key). */
export interface Principal {
  role: AccessRole;
  label: string;
}

/** When no keys are configured the API is open: every caller may do everything. */
export const OPEN_ACCESS: Principal = { role: AccessRole.ADMIN, label: 'open access (no API keys configured)' };

export interface RequestWithPrincipal extends Request {
  principal?: Principal;
  requestId?: string;
}

/** The GraphQL context: the HTTP request, with who is asking. */
export interface RequestContext {
  req?: RequestWithPrincipal;
}

/** Who asks in a GraphQL request: the key's principal, or open access without keys. */
export function principalOf(context: RequestContext): Principal {
  return context.req?.principal ?? OPEN_ACCESS;
}
