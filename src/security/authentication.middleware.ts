import { Logger } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { RateLimitedLog } from '../logging/rate-limited-log';
import { ApiKey, ApiKeyRing, credentialOf } from './api-keys';
import { OPEN_ACCESS, Principal, RequestWithPrincipal } from './principal';

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

export type Authentication = { principal: Principal } | { message: string; reason: string };

/** Who an Authorization header (or a WebSocket's connection parameter of that name) says is asking, or why it is refused. */
export function authenticate(keys: ApiKeyRing, authorization: string | undefined): Authentication {
  if (!keys.enabled) return { principal: OPEN_ACCESS };
  const presented = credentialOf(authorization);
  const key = presented.kind === 'credential' ? keys.find(presented.credential) : undefined;
  if (key) return { principal: { role: key.role, label: key.label } };
  if (presented.kind === 'none') return { message: 'An API key is required: send it as "Authorization: Bearer <key>"', reason: 'no key' };
  if (presented.kind === 'malformed') {
    return { message: `The API key cannot be read: ${presented.problem}`, reason: 'malformed Authorization header' };
  }
  return { message: 'The API key is not valid', reason: 'unknown key' };
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
    const outcome = authenticate(keys, request.headers.authorization);
    if ('principal' in outcome) {
      request.principal = outcome.principal;
      return next();
    }
    if (OPEN_PATHS.has(request.path)) return next();
    const { message, reason } = outcome;
    refusals.log({
      message: 'unauthenticated request refused',
      requestId: request.requestId,
      method: request.method,
      path: request.path,
      remote: request.socket.remoteAddress,
      reason,
    });
    // Basic lets a browser ask for the key (as the password) to open the pages; browsers offer
    // their sign-in only when Basic comes in a header line of its own.
    response.setHeader('WWW-Authenticate', ['Basic realm="Blueprint Graph"', 'Bearer realm="Blueprint Graph"']);
    response.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}
