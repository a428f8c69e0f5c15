import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { Args, GqlExecutionContext, Int } from '@nestjs/graphql';
import { ConflictError } from '../common/errors';
import { OPEN_ACCESS, Principal, RequestContext, principalOf } from '../security/principal';

/** How a write that makes a version was asked for (docs/domain.md, "Living blueprints"). */
export interface WriteRequest {
  /** What the history shows as the operation, e.g. `addAction` or `importBlueprint (REPLACE)`. */
  operation: string;
  /** The label of the API key that asked; null where access control is off. */
  author: string | null;
  /** The version the write was made against; when the blueprint is at another one the write is refused. */
  expectedVersion?: number | null;
}

export function authorOf(principal: Principal): string | null {
  return principal === OPEN_ACCESS ? null : principal.label;
}

/** The `expectedVersion` argument of every write of a blueprint. */
export const ExpectedVersion = () =>
  Args('expectedVersion', {
    type: () => Int,
    nullable: true,
    description: 'the version this write was made against: if the blueprint is at another one, CONFLICT and nothing is written',
  });

/** The operation (the mutation's name) and author of a write, from the GraphQL request. */
export const Writer = createParamDecorator((_: unknown, context: ExecutionContext): Omit<WriteRequest, 'expectedVersion'> => {
  const graphql = GqlExecutionContext.create(context);
  return { operation: graphql.getInfo().fieldName, author: authorOf(principalOf(graphql.getContext<RequestContext>())) };
});

/** Refuses a write made against another version than the blueprint's current one (null: it does not exist). */
export function checkExpectedVersion(key: string, request: Pick<WriteRequest, 'expectedVersion'>, current: number | null): void {
  const expected = request.expectedVersion;
  if (expected == null || expected === current) return;
  const message =
    current === null
      ? `Blueprint "${key}" was expected at version ${expected}, but it does not exist.`
      : expected > current
        ? `Blueprint "${key}" is at version ${current}, not ${expected}: it has no version ${expected} yet. Make the change against version ${current}.`
        : `Blueprint "${key}" is at version ${current}, not ${expected}: it was changed since. Read it again and make the change against version ${current}.`;
  throw new ConflictError(message,
    { currentVersion: current, expectedVersion: expected },
  );
}
