import 'reflect-metadata';
import * as v8 from 'node:v8';
import { createApp, openDatabase } from './app.factory';
import { ConfigError, checkServing, loadConfig } from './config/app-config';
import { EmbeddedNeo4jError } from './database/embedded-neo4j';
import { Logger } from '@nestjs/common';
import { DemoData } from './demo/demo-data';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Blueprint Graph');
  const config = loadConfig();
  checkServing(config);
  // Read by V8 each time it sets the next collection's threshold, so it holds from here on.
  if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  const database = await openDatabase(config, (line) => logger.log(line));
  try {
    const app = await createApp(database, { serving: config });
    await app.listen(config.port, config.host);
    const url = `http://${config.host}:${config.port}`;
    logger.log(`GraphQL at ${url}/graphql, health at ${url}/health`);
    if (config.loadDemoData ?? !!database.embedded) {
      await app
        .get(DemoData)
        .loadIfEmpty()
        .catch((error: Error) => logger.error(`Could not load the demo blueprints: ${error.message}`));
    }
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}

bootstrap().catch((error: Error) => {
  const known = error instanceof ConfigError || error instanceof EmbeddedNeo4jError;
  console.error(known ? error.message : error);
  process.exit(1);
});
