import { Neo4jError } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { BadUserInputError, ConflictError, ServiceUnavailableError } from '../common/errors';
import { BOOKMARKS_HEADER } from './causal-consistency';

/**
 * The one place where Neo4j's failures become the contract's error codes.
 * Our own GraphQL errors pass through untouched.
 */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** Whether the failed work read or wrote: only a write can say that nothing was written. */
export type AccessMode = 'READ' | 'WRITE';

export function mapNeo4jError(error: unknown, mode: AccessMode = 'WRITE'): Error {
  const outcome = mode === 'WRITE' ? 'nothing was written' : 'ask again in a moment';
  if (error instanceof GraphQLError) return error;
  if (error instanceof Neo4jError || isDriverError(error)) {
    const code = (error as Neo4jError).code;
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError(`A key is already taken: ${firstLine(error.message)}`);
    }
    if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
      return new BadUserInputError([{ path: BOOKMARKS_HEADER, message: `holds a bookmark this database does not know: ${firstLine(error.message)}` }]);
    }
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.')) {
      return new ServiceUnavailableError(`The database cannot be reached or is busy (${code}); ${outcome}.`);
    }
    if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code.includes('TransactionTimedOut')) {
      return new ServiceUnavailableError(
        mode === 'WRITE'
          ? 'The database did not finish the write in time (NEO4J_QUERY_TIMEOUT_MS); nothing was written.'
          : 'The database did not answer in time (NEO4J_QUERY_TIMEOUT_MS); ask again, or narrow the question (one blueprint, fewer pain points).',
      );
    }
  }
  return error instanceof Error ? error : new Error(String(error));
}

function isDriverError(error: unknown): error is Neo4jError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' &&
    (error as { name?: unknown }).name === 'Neo4jError';
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
