import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/app-config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/database/embedded-neo4j';
import { exampleDocument } from '../helpers/fixtures';
import { freePort } from '../helpers/free-port';
import { IMPORT } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

describe('health and an unreachable database', () => {
  it('answers 200 when the database is up', async () => {
    const api = await startTestApp();
    try {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', api: 'up', database: 'up' });
    } finally {
      await api.close();
    }
  });

  describe('while the database is down, and after it comes back', () => {
    let port: number;
    let api: TestApp;
    let neo4j: EmbeddedNeo4j | undefined;
    const dataDir = path.join(PROJECT_ROOT, '.data', 'test', `late-neo4j-${process.pid}`);

    beforeAll(async () => {
      port = await freePort();
      api = await startTestApp({ uri: `bolt://127.0.0.1:${port}`, maxRetryTimeMs: 500, waitForSchema: false });
    });
    afterAll(async () => {
      await api.close();
      await neo4j?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers 503 naming the database, and SERVICE_UNAVAILABLE to operations', async () => {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', api: 'up', database: 'down' });
      const read = await api.graphql('{ blueprints { key } }');
      expect(read.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const write = await api.graphql(IMPORT, { document: exampleDocument(uniqueKey('bp')) });
      expect(write.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    });

    it('recovers by itself once the database is reachable', async () => {
      neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: port, pageCache: '64m', heap: '512m' }, () => undefined);
      let status = 0;
      for (let attempt = 0; attempt < 60 && status !== 200; attempt++) {
        status = (await fetch(`${api.url}/health`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(status).toBe(200);
      const key = uniqueKey('bp');
      const write = await api.graphql(IMPORT, { document: exampleDocument(key) });
      expect(write.errors).toBeUndefined();
      expect(write.data.importBlueprint.blueprint.key).toBe(key);
    });
  });
});
