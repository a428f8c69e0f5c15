import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { EmbeddedNeo4jConfig, PROJECT_ROOT } from '../../src/config/app-config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/database/embedded-neo4j';
import { exampleDocument } from '../helpers/fixtures';
import { freePort } from '../helpers/free-port';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/** The deadline the app must meet: serving again within a minute of its database's death, without a restart of its own. */
const RECOVERY_DEADLINE_MS = 60_000;

describe('the embedded Neo4j, killed under a running app', () => {
  const dataDir = path.join(PROJECT_ROOT, '.data', 'test', `supervised-neo4j-${process.pid}`);
  const logLines: string[] = [];
  let config: EmbeddedNeo4jConfig;
  let neo4j: EmbeddedNeo4j;
  let api: TestApp | undefined;

  beforeAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    config = { dataDir, boltPort: await freePort(), pageCache: '64m', heap: '512m' };
    neo4j = await startEmbeddedNeo4j(config, (line) => logLines.push(line));
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'is restarted on the same data, and the same app serves its blueprints again within a minute',
    async () => {
      api = await startTestApp({ uri: neo4j.uri });
      const key = uniqueKey('bp');
      const imported = await api.graphql(IMPORT_KEY, { document: exampleDocument(key) });
      expect(imported.errors).toBeUndefined();

      const killedPid = neo4j.pid()!;
      const killedAt = Date.now();
      process.kill(killedPid, 'SIGKILL');
      expect(await waitFor(async () => (await healthStatus(api!)) === 503, 10_000)).toBe(true);

      // The same app, and so the same driver: it has to reconnect by itself.
      const recovered = await waitFor(async () => (await healthStatus(api!)) === 200, RECOVERY_DEADLINE_MS - (Date.now() - killedAt));
      expect(recovered).toBe(true);
      expect(neo4j.pid()).not.toBe(killedPid);
      expect(logLines).toContainEqual(expect.stringMatching(new RegExp(`pid ${killedPid}\\) exited unexpectedly \\(signal SIGKILL\\)`)));

      const exported = await api.graphql(EXPORT, { key });
      expect(exported.errors).toBeUndefined();
      expect(exported.data.exportBlueprint.key).toBe(key);
      const writtenAfter = await api.graphql(IMPORT_KEY, { document: exampleDocument(uniqueKey('bp')) });
      expect(writtenAfter.errors).toBeUndefined();
    },
    RECOVERY_DEADLINE_MS + 60_000,
  );

  it('is not restarted after stop(), even with a restart pending', async () => {
    await api?.close();
    api = undefined;
    const killedPid = neo4j.pid()!;
    process.kill(killedPid, 'SIGKILL');
    const announced = await waitFor(async () => logLines.some((line) => line.includes(`pid ${killedPid}) exited`)), 5_000);
    expect(announced).toBe(true);
    await neo4j.stop();

    const delaySeconds = Number(/restarting it in ([\d.]+) s/.exec(logLines[logLines.length - 1])![1]);
    const linesAtStop = logLines.length;
    await sleep(delaySeconds * 1000 + 1_000);
    expect(logLines.slice(linesAtStop)).toEqual([]);
    expect(neo4j.pid()).toBeUndefined();
    expect(await portAnswers(config.boltPort)).toBe(false);
  });

  it('stops cleanly when stop() comes while a restart is under way', async () => {
    neo4j = await startEmbeddedNeo4j(config, (line) => logLines.push(line));
    const killedPid = neo4j.pid()!;
    const linesBefore = logLines.length;
    process.kill(killedPid, 'SIGKILL');
    const restarting = await waitFor(async () => logLines.slice(linesBefore).some((line) => line.startsWith('Restarting')), 10_000);
    expect(restarting).toBe(true);
    const startingPid = neo4j.pid()!;
    expect(startingPid).not.toBe(killedPid);

    await neo4j.stop();
    expect(isAlive(startingPid)).toBe(false);
    const linesAtStop = logLines.length;
    await sleep(3_000);
    expect(logLines.slice(linesAtStop)).toEqual([]);
    expect(await portAnswers(config.boltPort)).toBe(false);
  });
});

async function healthStatus(api: TestApp): Promise<number> {
  return (await fetch(`${api.url}/health`)).status;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(200);
  }
  return false;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
