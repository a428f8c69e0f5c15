import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import neo4j from 'neo4j-driver';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule, ServingConfig, defaultServingConfig } from './app.module';
import { appLogger } from './logging/app-logger';
import { requestIdMiddleware } from './logging/request-id.middleware';
import { bookmarksMiddleware } from './database/causal-consistency';
import { authenticationMiddleware } from './security/authentication.middleware';
import { AppConfig } from './config/app-config';
import { Neo4jOptions } from './database/database.tokens';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './database/embedded-neo4j';

export interface Database {
  options: Neo4jOptions;
  embedded?: EmbeddedNeo4j;
}

/** The configured Neo4j server, or the embedded default started for this process. */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<Database> {
  const { uri, ...neo4j } = config.neo4j;
  const rest = { ...neo4j, slowQueryMs: config.logging.slowQueryMs };
  if (uri) return { options: { ...rest, uri, embedded: false } };
  const embedded = await startEmbeddedNeo4j(config.embedded, log);
  return { options: { ...rest, uri: embedded.uri, embedded: true }, embedded };
}

/**
 * For commands (seed, the CLI): NEO4J_URI when set; else the embedded database
 * of a running app if its port answers; else the embedded one started for the
 * command. Never a second Neo4j on the same data.
 */
export async function openDatabaseForCommand(config: AppConfig, log: (line: string) => void): Promise<Database> {
  if (!config.neo4j.uri) {
    const running = `bolt://127.0.0.1:${config.embedded.boltPort}`;
    if (await answers(running)) return openDatabase({ ...config, neo4j: { ...config.neo4j, uri: running } }, log);
  }
  return openDatabase(config, log);
}

async function answers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 1000 });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

export async function createApp(
  database: Database,
  options: { serving?: ServingConfig; logger?: LoggerService | false } = {},
): Promise<INestApplication> {
  const serving = options.serving ?? defaultServingConfig();
  // No body parsers by default: only /graphql reads a body, and only as JSON (see below).
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(database.options, database.embedded, serving), {
    logger: options.logger ?? appLogger(serving.logging),
    bodyParser: false,
  });
  // The front door, in this order: an id for the logs, the key check (before the body is even read),
  // the content type, the body.
  app.use(requestIdMiddleware);
  app.use(bookmarksMiddleware);
  app.use(authenticationMiddleware(serving.security.apiKeys));
  app.use(GRAPHQL_PATH, refuseNonJsonPosts);
  // Documents for import travel in the body, so its limit is configured (MAX_BODY_SIZE), not the 100 KB default.
  app.use(GRAPHQL_PATH, json({ limit: serving.security.maxBodyBytes, type: JSON_BODY_TYPES }));
  app.use(answerBodyErrorsAsGraphQL);
  app.enableShutdownHooks();
  return app;
}

const GRAPHQL_PATH = '/graphql';
const JSON_BODY_TYPES = ['application/json', 'application/graphql-response+json'];

/**
 * A browser sends form-encoded, multipart and text/plain bodies to any origin
 * without asking first (no CORS preflight), with the user's remembered
 * sign-in. Accepting only JSON bodies means a cross-site page can make no
 * write: its JSON request needs a preflight, which this server never grants.
 */
function refuseNonJsonPosts(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['content-type'] ?? 'none';
  const mediaType = given.split(';')[0].trim().toLowerCase();
  if (request.method !== 'POST' || JSON_BODY_TYPES.includes(mediaType)) return next();
  response.status(415).json({
    errors: [
      {
        message: `POST /graphql takes a JSON body (Content-Type: application/json), not ${given.slice(0, 100)}`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
}

/** A body that is too large or not JSON gets a GraphQL-shaped error with its HTTP status, not an HTML page. */
function answerBodyErrorsAsGraphQL(error: HttpError, _request: Request, response: Response, next: NextFunction): void {
  if (!error || typeof error.status !== 'number' || !error.type) return next(error);
  const message =
    error.type === 'entity.too.large'
      ? `The request body is larger than the limit of ${error.limit} bytes (MAX_BODY_SIZE)`
      : `The request body cannot be read: ${error.message}`;
  response.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

interface HttpError extends Error {
  status?: number;
  type?: string;
  limit?: number;
}

