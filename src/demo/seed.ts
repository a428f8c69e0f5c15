import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { openDatabaseForCommand } from '../app.factory';
import { ConfigError, loadConfig } from '../config/app-config';
import { DatabaseLifecycle, DatabaseModule } from '../database/database.module';
import { EmbeddedNeo4jError } from '../database/embedded-neo4j';
import { DemoData } from './demo-data';
import { DemoModule } from './demo.module';

/**
 * `npm run seed`: (re)loads the demo blueprints. Uses NEO4J_URI when set;
 * otherwise the embedded database of a running app, or starts it for the
 * duration of the command (never a second one on the same data).
 */
async function seed(): Promise<void> {
  const database = await openDatabaseForCommand(loadConfig(), (line) => console.log(line));
  try {
    @Module({ imports: [DatabaseModule.forRoot(database.options, database.embedded), DemoModule] })
    class SeedModule {}
    const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
    try {
      await app.init();
      await app.get(DatabaseLifecycle).whenSchemaReady();
      const keys = await app.get(DemoData).load();
      console.log(`Loaded the demo blueprints: ${keys.join(', ')}`);
    } finally {
      await app.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

seed().catch((error: Error) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exit(1);
});
