import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import neo4j from 'neo4j-driver';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { Neo4jOptions } from './database/database.tokens';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './database/embedded-neo4j';

export interface Database {
  options: Neo4jOptions;
  embedded?: EmbeddedNeo4j;
}

/** The configured Neo4j server, or the embedded default started for this process. */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<Database> {
  const { uri, ...rest } = config.neo4j;
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

export async function createApp(database: Database, logger?: false | undefined): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(database.options, database.embedded), {
    logger: logger === false ? false : undefined,
    bodyParser: true,
  });
  app.enableShutdownHooks();
  return app;
}

