import type { NextFunction, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestWithPrincipal } from '../security/principal';

const ACCEPTED_ID = /^[\w.:-]{1,100}$/;

/** Every request gets an id for the logs: the caller's X-Request-Id when sane, else a new one; echoed in the response. */
export function requestIdMiddleware(request: RequestWithPrincipal, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  request.requestId = typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', request.requestId);
  next();
}
