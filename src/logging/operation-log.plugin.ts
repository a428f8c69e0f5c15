import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { RequestContext } from '../security/principal';

/**
 * One log entry per GraphQL request: request id, operation, who asked (the
 * key's label, never the key), duration and error codes; a warning when it
 * took longer than `slowMs`.
 */
export function operationLogPlugin(slowMs: number, logger = new Logger('GraphQL')): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, errors }) {
          const durationMs = Math.round(performance.now() - started);
          const entry = {
            message: 'operation',
            requestId: contextValue.req?.requestId,
            operation: operationName ?? null,
            type: operation?.operation ?? null,
            caller: contextValue.req?.principal?.label,
            durationMs,
            errors: errors?.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          };
          if (durationMs >= slowMs) logger.warn({ ...entry, message: 'slow operation' });
          else logger.log(entry);
        },
      };
    },
  };
}
