import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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

export async function createApp(database: Database, logger?: false | undefined): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(database.options, database.embedded), {
    logger: logger === false ? false : undefined,
    bodyParser: true,
  });
  app.enableShutdownHooks();
  return app;
}

export const bootLogger = new Logger('Boot');
