import { Problem } from '../common/errors';

/**
 * The cursors of the paged lists (GraphQL Cursor Connections): opaque to
 * clients, each the place of an item in its list's order, so that the next
 * page starts after it however the list changed meanwhile (keyset paging:
 * an item written between two pages is met in its place, none is met twice).
 * Pure.
 */

export const PAGE_SIZE = { default: 50, min: 1, max: 500 } as const;

/** A pain point's place: the value it is ordered by (descending), then its blueprint's key and its own. */
export interface PainPointPlace {
  order: string;
  value: number;
  blueprintKey: string;
  key: string;
}

/** A blueprint's place: its key. */
export interface BlueprintPlace {
  key: string;
}

type Places = { painPoints: PainPointPlace; blueprints: BlueprintPlace };

export function encodeCursor<L extends keyof Places>(list: L, place: Places[L]): string {
  return Buffer.from(JSON.stringify({ list, ...place }), 'utf8').toString('base64url');
}

/** The place a cursor names, or the problem with it (at `after`). */
export function decodeCursor<L extends keyof Places>(list: L, cursor: string, order?: string): Places[L] | Problem {
  const problem = (message: string): Problem => ({ path: 'after', message });
  let decoded: Record<string, unknown>;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return problem('is not a cursor: pass the endCursor or an edge cursor of a page of this list');
  }
  if (decoded === null || typeof decoded !== 'object' || decoded.list !== list || typeof decoded.key !== 'string') {
    return problem(`is not a cursor of ${list}: pass the endCursor or an edge cursor of a page of this list`);
  }
  if (list === 'blueprints') return { key: decoded.key } as Places[L];
  if (typeof decoded.value !== 'number' || typeof decoded.blueprintKey !== 'string' || typeof decoded.order !== 'string') {
    return problem(`is not a cursor of ${list}: pass the endCursor or an edge cursor of a page of this list`);
  }
  if (decoded.order !== order) return problem(`is a cursor of the list ordered by ${decoded.order}, not by ${order}: page a list in one order`);
  return { order: decoded.order, value: decoded.value, blueprintKey: decoded.blueprintKey, key: decoded.key } as Places[L];
}

/** The problem of a page size outside 1..500, at `first`. */
export function pageSizeProblems(first: number | null | undefined): Problem[] {
  const size = first ?? PAGE_SIZE.default;
  return Number.isInteger(size) && size >= PAGE_SIZE.min && size <= PAGE_SIZE.max
    ? []
    : [{ path: 'first', message: `must be an integer from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}` }];
}

export function isProblem(value: object): value is Problem {
  return 'path' in value && 'message' in value;
}
