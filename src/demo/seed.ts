import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import neo4j from 'neo4j-driver';
import { openDatabase } from '../app.factory';
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
  const config = loadConfig();
  if (!config.neo4j.uri) {
    const running = `bolt://127.0.0.1:${config.embedded.boltPort}`;
    if (await answers(running)) config.neo4j.uri = running;
  }
  const database = await openDatabase(config, (line) => console.log(line));
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

seed().catch((error: Error) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exit(1);
});
