import { Driver } from 'neo4j-driver';
import { NEO4J_DRIVER } from '../../src/database/database.tokens';
import { TestApp } from './test-app';

/** Runs a query straight on the app's driver, past the API: for checks of what is stored. */
export async function runCypher(api: TestApp, query: string, parameters: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const { records } = await api.app
    .get<Driver>(NEO4J_DRIVER)
    .executeQuery(query, parameters, { database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j' });
  return records.map((record) => record.toObject());
}
