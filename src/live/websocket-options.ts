import type { IncomingMessage } from 'node:http';
import { ExecutionArgs, GraphQLError, OperationTypeNode, execute, getOperationAST, parse, subscribe } from 'graphql';
import type { Context } from 'graphql-ws';
import { SecurityConfig } from '../config/app-config';
import { ResponseBudget } from '../security/response-budget';
import { ApiKeyRing } from '../security/api-keys';
import { authenticate } from '../security/authentication.middleware';
import { checkOperation } from '../security/operation-checks.plugin';
import { Principal, RequestContext } from '../security/principal';

/**
 * Subscriptions over WebSocket on /graphql (the graphql-ws protocol), held
 * to the rules of HTTP: the same API keys (the upgrade's Authorization
 * header, or an `authorization` connection parameter, since browsers cannot
 * set headers on a WebSocket), the same limits and roles, and no other site's
 * page may connect. Only subscriptions: queries and mutations go over HTTP,
 * where their logging, budgets and error masking live.
 */

interface SocketExtra {
  request: IncomingMessage;
  principal?: Principal;
}
type SocketContext = Context<Record<string, unknown> | undefined, unknown>;
const extraOf = (ctx: SocketContext) => ctx.extra as SocketExtra;

export function graphqlWsOptions(security: SecurityConfig) {
  const keys = new ApiKeyRing(security.apiKeys);
  const principalOf = (ctx: SocketContext): Principal => {
    // onConnect admits no socket without one; a missing principal is a defect, never open access.
    const { principal } = extraOf(ctx);
    if (!principal) throw new Error('a WebSocket operation without an authenticated connection');
    return principal;
  };
  return {
    path: '/graphql',
    onConnect(ctx: SocketContext): boolean {
      const extra = extraOf(ctx);
      const { request } = extra;
      if (!sameOrigin(request)) return false;
      const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      const authorization = typeof param === 'string' ? param : request.headers.authorization;
      const outcome = authenticate(keys, authorization);
      if (!('principal' in outcome)) return false;
      extra.principal = outcome.principal;
      return true;
    },
    onSubscribe(_ctx: SocketContext, _id: string, payload: { query: string }): GraphQLError[] | void {
      // The token limit holds before anything else reads the document; graphql-ws parses and validates it next.
      try {
        parse(payload.query, { maxTokens: security.limits.maxTokens });
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
    },
    context: (ctx: SocketContext): RequestContext & { responseBudget: ResponseBudget } => ({
      req: { principal: principalOf(ctx) } as RequestContext['req'],
      responseBudget: new ResponseBudget(security.limits.maxResponseFields),
    }),
    execute: (args: ExecutionArgs) => refused(args) ?? execute(args),
    subscribe: (args: ExecutionArgs) => refused(args) ?? subscribe(args),
  };

  function refused(args: ExecutionArgs) {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return { errors: [new GraphQLError('Name the operation to run: the document has several or none')] };
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return { errors: [new GraphQLError('Over WebSocket only subscriptions run; send queries and mutations as HTTP POST to /graphql')] };
    }
    try {
      const principal = (args.contextValue as RequestContext).req?.principal;
      if (!principal) throw new Error('a WebSocket operation without a principal');
      checkOperation({
        schema: args.schema,
        document: args.document,
        operation,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        principal,
        limits: security.limits,
      });
      return undefined;
    } catch (error) {
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message)] };
    }
  }
}

/** A browser names the page's origin on a WebSocket; another site's page must not read this one's data. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
