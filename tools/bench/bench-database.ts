import * as fs from 'node:fs';
import * as path from 'node:path';
import { Database, openDatabase } from '../../src/app.factory';
import { AppConfig, PROJECT_ROOT } from '../../src/config/app-config';
import { freePort } from '../ops/free-port';

/**
 * The database a benchmark runs on: NEO4J_URI when set, else an embedded Neo4j
 * on a fresh store of its own (.data/<store>/neo4j, never the app's) and a free
 * port, with the memory given or the configured default. `where` describes it for reports.
 */
export async function openBenchDatabase(
  config: AppConfig,
  store: string,
  log: (line: string) => void,
  memory: { heap?: string; pageCache?: string } = {},
): Promise<{ database: Database; where: string }> {
  if (config.neo4j.uri) {
    return { database: await openDatabase(config, log), where: `${config.neo4j.uri} (NEO4J_URI), database "${config.neo4j.database}"` };
  }
  const dataDir = path.join(PROJECT_ROOT, '.data', store, 'neo4j');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const embedded = {
    ...config.embedded,
    dataDir,
    boltPort: await freePort(),
    heap: memory.heap ?? config.embedded.heap,
    pageCache: memory.pageCache ?? config.embedded.pageCache,
  };
  const database = await openDatabase({ ...config, embedded }, log);
  return { database, where: `embedded Neo4j, fresh store in ${path.relative(PROJECT_ROOT, dataDir)}, heap ${embedded.heap}, page cache ${embedded.pageCache}` };
}
