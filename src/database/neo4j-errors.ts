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

export function mapNeo4jError(error: unknown): Error {
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
      return new ServiceUnavailableError(`The database cannot be reached or is busy (${code}); nothing was written.`);
    }
    if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code.includes('TransactionTimedOut')) {
      return new ServiceUnavailableError('The database did not answer in time; nothing was written.');
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
