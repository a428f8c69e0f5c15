import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/app-config';
import { startEmbeddedNeo4j } from '../../src/database/embedded-neo4j';
import { freePort } from '../helpers/free-port';

/**
 * One real Neo4j for the whole run, never the one `npm start` uses: a fresh
 * data folder of its own and a free port. TEST_NEO4J_URI points the tests at
 * a running server instead.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_NEO4J_URI) return;
  const dataDir = path.join(PROJECT_ROOT, '.data', 'test', `neo4j-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedNeo4j(
    { dataDir, boltPort: await freePort(), pageCache: '256m', heap: '1g' },
    (line) => process.stdout.write(`[test neo4j] ${line}\n`),
  );
  process.env.TEST_NEO4J_URI = embedded.uri;
  (globalThis as Record<string, unknown>).__TEST_NEO4J__ = embedded;
}
