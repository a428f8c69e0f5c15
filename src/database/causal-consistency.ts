import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * Read-your-writes across app instances. Each instance's sessions share one
 * bookmark manager (see Neo4jExecutor), so a read through an instance sees
 * every write committed through it. A client that moves between instances
 * (behind a load balancer, on a Neo4j cluster or Aura) gets the bookmarks of
 * its writes in the `Neo4j-Bookmarks` response header and sends them back in
 * the same request header: its next reads then wait until the database they
 * run on has those writes, whichever instance and cluster member serve them.
 */
export const BOOKMARKS_HEADER = 'Neo4j-Bookmarks';

/** A bookmark is an opaque token of base64-like characters; a few of them at most. */
const BOOKMARK = /^[\w:+/=.-]{1,512}$/;
const MAX_BOOKMARKS = 16;

interface RequestBookmarks {
  /** What the client sent: the bookmarks its reads and writes must follow. */
  given: string[];
  response: Response;
}

const storage = new AsyncLocalStorage<RequestBookmarks>();

/** The bookmarks the client sent with the request being served; none outside a request. */
export function requestBookmarks(): string[] {
  return storage.getStore()?.given ?? [];
}

/** The HTTP request being served, as a key for what lasts as long as it does (its loaders); none outside one. */
export function servedRequest(): object | undefined {
  return storage.getStore();
}

/** Tells the client the bookmarks of a write it made, to send with its next requests. */
export function answerBookmarks(bookmarks: string[]): void {
  const request = storage.getStore();
  if (!request || bookmarks.length === 0 || request.response.headersSent) return;
  request.response.setHeader(BOOKMARKS_HEADER, bookmarks.join(','));
}

/** Reads the request's bookmarks header (malformed tokens are left out) and serves the request with them. */
export function bookmarksMiddleware(request: Request, response: Response, next: NextFunction): void {
  const header = request.headers[BOOKMARKS_HEADER.toLowerCase()];
  const given = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => BOOKMARK.test(token))
    .slice(0, MAX_BOOKMARKS);
  storage.run({ given, response }, next);
}
