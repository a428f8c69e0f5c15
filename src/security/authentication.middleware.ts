import { Logger } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { RateLimitedLog } from '../logging/rate-limited-log';
import { ApiKey, ApiKeyRing, credentialOf } from './api-keys';
import { OPEN_ACCESS, RequestWithPrincipal } from './principal';

/** Paths that answer without a key: load balancers and orchestrators probe them. */
const OPEN_PATHS = new Set(['/health']);

interface RefusalEntry {
  message: string;
  requestId?: string;
  method: string;
  path: string;
  remote?: string;
  reason: string;
}

/**
 * With keys configured, every path but /health needs one of them. A refused
 * request ends here: before the body is read, before GraphQL parses it, and
 * before any database call. Refusals are logged (never the credential), at
 * most a few per window so that a flood of them cannot flood the log.
 */
export function authenticationMiddleware(apiKeys: ApiKey[], logger = new Logger('Access')) {
  const keys = new ApiKeyRing(apiKeys);
  const refusals = new RateLimitedLog<RefusalEntry>((entry) => logger.warn(entry));
  return (request: RequestWithPrincipal, response: Response, next: NextFunction): void => {
    if (!keys.enabled) {
      request.principal = OPEN_ACCESS;
      return next();
    }
    const presented = credentialOf(request.headers.authorization);
    const key = presented.kind === 'credential' ? keys.find(presented.credential) : undefined;
    if (key) {
      request.principal = { role: key.role, label: key.label };
      return next();
    }
    if (OPEN_PATHS.has(request.path)) return next();
    const message =
      presented.kind === 'none'
        ? 'An API key is required: send it as "Authorization: Bearer <key>"'
        : presented.kind === 'malformed'
          ? `The API key cannot be read: ${presented.problem}`
          : 'The API key is not valid';
    refusals.log({
      message: 'unauthenticated request refused',
      requestId: request.requestId,
      method: request.method,
      path: request.path,
      remote: request.socket.remoteAddress,
      reason: presented.kind === 'none' ? 'no key' : presented.kind === 'malformed' ? 'malformed Authorization header' : 'unknown key',
    });
    // Basic lets a browser ask for the key (as the password) to open the pages; browsers offer
    // their sign-in only when Basic comes in a header line of its own.
    response.setHeader('WWW-Authenticate', ['Basic realm="Blueprint Graph"', 'Bearer realm="Blueprint Graph"']);
    response.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}
