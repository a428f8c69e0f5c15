import * as fs from 'node:fs';
import { EmbeddedNeo4j } from '../../src/database/embedded-neo4j';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__TEST_NEO4J__ as EmbeddedNeo4j | undefined;
  if (!embedded) return;
  await embedded.stop();
  fs.rmSync(embedded.dataDir, { recursive: true, force: true });
}
