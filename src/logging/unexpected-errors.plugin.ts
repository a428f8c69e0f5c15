import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { RequestContext } from '../security/principal';

const UNEXPECTED = 'INTERNAL_SERVER_ERROR';

/**
 * An error that no code path meant to send (a bug, a driver surprise) is
 * logged in full with the request id; unless `mask` is off (development),
 * the client gets only its code and that id, since the message may describe
 * the server's insides.
 */
export function unexpectedErrorsPlugin(mask: boolean, logger = new Logger('GraphQL')): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response, errors }) {
          const requestId = contextValue.req?.requestId;
          const unexpected = (errors ?? []).filter((error) => (error.extensions?.code ?? UNEXPECTED) === UNEXPECTED);
          for (const error of unexpected) {
            logger.error({ message: 'unexpected error', requestId, error: error.message, path: error.path, stack: error.originalError?.stack });
          }
          if (!mask || unexpected.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = result.errors?.map((error) =>
            (error.extensions?.code ?? UNEXPECTED) === UNEXPECTED
              ? { message: `Internal server error (request id ${requestId})`, path: error.path, extensions: { code: UNEXPECTED, requestId } }
              : error,
          );
        },
      };
    },
  };
}
