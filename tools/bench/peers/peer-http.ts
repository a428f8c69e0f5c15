import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { Driver } from 'neo4j-driver';

/** Where a peer server answers, and how to stop it (the driver stays open: it belongs to the caller). */
export interface PeerServer {
  /** http://host:port, without a path. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface PeerOptions {
  driver: Driver;
  /** The database every query runs on. */
  database: string;
  /** 0: any free port. */
  port: number;
  host: string;
  /** The largest request body, as the app's MAX_BODY_SIZE; default 16 MiB. */
  maxBodyBytes?: number;
}

/**
 * Serves a GraphQL schema the way the peers of the benchmark all do: Apollo
 * Server over express at POST /graphql (JSON), and GET /health. Nothing else
 * runs per request, so the peers differ only in how their schema resolves.
 */
export async function serveGraphql<TContext extends BaseContext>(
  schema: GraphQLSchema,
  context: () => Promise<TContext>,
  options: PeerOptions,
): Promise<PeerServer> {
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  // 200 while the database accepts connections; checked without running a statement, so counts of statements stay those of the reads.
  app.get('/health', (_request, response) => {
    options.driver.getServerInfo({ database: options.database }).then(
      () => response.status(200).json({ status: 'ok' }),
      (error: Error) => response.status(503).json({ status: 'unavailable', database: error.message }),
    );
  });
  app.use('/graphql', express.json({ limit: options.maxBodyBytes ?? 16 * 1024 * 1024 }), expressMiddleware(apollo, { context }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    close: () => apollo.stop(),
  };
}
