import type { NextFunction, Response } from 'express';
import { ApiKey, ApiKeyRing, credentialOf } from './api-keys';
import { OPEN_ACCESS, RequestWithPrincipal } from './principal';

/** Paths that answer without a key: load balancers and orchestrators probe them. */
const OPEN_PATHS = new Set(['/health']);

/**
 * With keys configured, every path but /health needs one of them. A refused
 * request ends here: before the body is read, before GraphQL parses it, and
 * before any database call.
 */
export function authenticationMiddleware(apiKeys: ApiKey[]) {
  const keys = new ApiKeyRing(apiKeys);
  return (request: RequestWithPrincipal, response: Response, next: NextFunction): void => {
    if (!keys.enabled) {
      request.principal = OPEN_ACCESS;
      return next();
    }
    const credential = credentialOf(request.headers.authorization);
    const key = credential === undefined ? undefined : keys.find(credential);
    if (key) {
      request.principal = { role: key.role, label: key.label };
      return next();
    }
    if (OPEN_PATHS.has(request.path)) return next();
    const message =
      credential === undefined ? 'An API key is required: send it as "Authorization: Bearer <key>"' : 'The API key is not valid';
    // Basic lets a browser ask for the key (as the password) to open the pages; browsers offer
    // their sign-in only when Basic comes in a header line of its own.
    response.setHeader('WWW-Authenticate', ['Basic realm="Blueprint Graph"', 'Bearer realm="Blueprint Graph"']);
    response.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}
