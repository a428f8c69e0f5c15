import { GraphQLError } from 'graphql';

/** The error codes of the client contract (docs/api-contract.md, "Errors"). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE';

export interface Problem {
  /** Where in the input, e.g. `document.stages[1].steps[0].actions[2].dependsOn[0]`. */
  path: string;
  message: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(readonly problems: Problem[]) {
    super(describeProblems(problems), { extensions: { code: 'BAD_USER_INPUT', problems } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code: 'CONFLICT' } });
  }
}

/** No key, or one that is not configured; answered with HTTP 401. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** A key whose role is too low for the operation; answered with HTTP 403. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code: 'FORBIDDEN', http: { status: 403 } } });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}

function describeProblems(problems: Problem[]): string {
  const first = problems[0];
  const head = first ? `${first.path}: ${first.message}` : 'invalid input';
  return problems.length > 1 ? `${problems.length} problems in the input; first: ${head}` : head;
}
