import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/app-config';
import { exampleDocument } from '../helpers/fixtures';
import { repairCurrent } from '../helpers/hand-worked';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * blueprintChanged over graphql-ws on /graphql, with a real WebSocket client:
 * one message per write of every kind, only for the key subscribed, none
 * for a write that changes nothing, heard through another app instance on
 * the same database; and the keys, roles and limits of HTTP.
 */

const CHANGED = `subscription($key: String!) { blueprintChanged(key: $key) { blueprintKey version operation author deleted at blueprint { key version } } }`;

interface Change {
  blueprintKey: string;
  version: number | null;
  operation: string;
  author: string | null;
  deleted: boolean;
  at: string;
  blueprint: { key: string; version: number } | null;
}

/** A subscription's messages as they come, and its errors. */
class Heard {
  readonly changes: Change[] = [];
  /** When each message came (ms since the epoch). */
  readonly times: number[] = [];
  readonly errors: unknown[] = [];
  private readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.stop = client.subscribe<{ blueprintChanged: Change }>(
      { query, variables },
      {
        next: (message) => {
          if (message.errors) this.errors.push(...message.errors);
          if (message.data) {
            this.changes.push(message.data.blueprintChanged);
            this.times.push(Date.now());
          }
        },
        error: (error) => this.errors.push(error),
        complete: () => undefined,
      },
    );
  }

  /** Waits until `count` messages have come (or fails after `ms`), then a little longer to catch any extra one. */
  async count(count: number, ms = 5_000): Promise<Change[]> {
    const deadline = Date.now() + ms;
    while (this.changes.length < count && this.errors.length === 0 && Date.now() < deadline) await sleep(20);
    await sleep(400);
    return this.changes;
  }

  close(): void {
    this.stop();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientOf(api: TestApp, connectionParams?: Record<string, unknown>, headers?: Record<string, string>): Client {
  return createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** The subscription starts watching when its first message is read; give it that moment before writing. */
const SETTLE_MS = 600;

describe('blueprintChanged over graphql-ws', () => {
  let api: TestApp;
  let other: TestApp;
  let client: Client;

  beforeAll(async () => {
    [api, other] = await Promise.all([startTestApp(), startTestApp()]);
    client = clientOf(api);
  });
  afterAll(async () => {
    await client?.dispose();
    await Promise.all([api?.close(), other?.close()]);
  });

  const ok = <T = any>(query: string, variables: Record<string, unknown> = {}) => dataOf<T>(api, query, variables);

  it('sends one message per write of every kind, for the subscribed key only, and none for a write that changes nothing', async () => {
    const key = uniqueKey('live');
    const copy = `${key}-future`;
    const elsewhere = uniqueKey('live-other');
    const heard = new Heard(client, CHANGED, { key });
    const copyHeard = new Heard(client, CHANGED, { key: copy });
    const quiet = new Heard(client, CHANGED, { key: elsewhere });
    await sleep(SETTLE_MS);

    const document = exampleDocument(key);
    const writes: [string, () => Promise<unknown>][] = [
      ['importBlueprint', () => ok(IMPORT_KEY, { document, mode: 'CREATE' })],
      ['importBlueprint', () => ok(IMPORT_KEY, { document: { ...document, name: 'Renamed by import' }, mode: 'REPLACE' })],
      ['updateBlueprint', () => ok('mutation($k: String!) { updateBlueprint(key: $k, properties: { description: "live" }) { version } }', { k: key })],
      ['addStage', () => ok('mutation($k: String!) { addStage(blueprintKey: $k, stage: { key: "after", name: "After", steps: [] }) { version } }', { k: key })],
      ['renameStage', () => ok('mutation($k: String!) { renameStage(blueprintKey: $k, key: "after", name: "Afterwards") { version } }', { k: key })],
      ['moveStage', () => ok('mutation($k: String!) { moveStage(blueprintKey: $k, key: "after", position: 0) { version } }', { k: key })],
      [
        'addStep',
        () => ok('mutation($k: String!) { addStep(blueprintKey: $k, stageKey: "after", step: { key: "survey", name: "Survey", actions: [] }) { version } }', { k: key }),
      ],
      ['updateStep', () => ok('mutation($k: String!) { updateStep(blueprintKey: $k, key: "survey", name: "Survey sent", evidence: ["e-mail"]) { version } }', { k: key })],
      ['moveStep', () => ok('mutation($k: String!) { moveStep(blueprintKey: $k, key: "survey", stageKey: "resolve") { version } }', { k: key })],
      [
        'addAction',
        () =>
          ok('mutation($k: String!) { addAction(blueprintKey: $k, stepKey: "survey", action: { key: "ca-answer", lane: CUSTOMER, name: "Answers" }) { version } }', {
            k: key,
          }),
      ],
      [
        'updateAction',
        () =>
          ok('mutation($k: String!) { updateAction(blueprintKey: $k, action: { key: "ca-answer", lane: CUSTOMER, name: "Answers the survey" }) { version } }', {
            k: key,
          }),
      ],
      ['moveAction', () => ok('mutation($k: String!) { moveAction(blueprintKey: $k, key: "ca-answer", stepKey: "pick-up") { version } }', { k: key })],
      ['addDependency', () => ok('mutation($k: String!) { addDependency(blueprintKey: $k, from: "ca-answer", to: "fs-hand-over") { version } }', { k: key })],
      ['removeDependency', () => ok('mutation($k: String!) { removeDependency(blueprintKey: $k, from: "ca-answer", to: "fs-hand-over") { version } }', { k: key })],
      [
        'addPainPoint',
        () => ok('mutation($k: String!) { addPainPoint(blueprintKey: $k, painPoint: { key: "long-survey", title: "Long survey", action: "ca-answer", severity: 1 }) { version } }', { k: key }),
      ],
      [
        'updatePainPoint',
        () =>
          ok('mutation($k: String!) { updatePainPoint(blueprintKey: $k, painPoint: { key: "long-survey", title: "Long survey", action: "ca-answer", severity: 2 }) { version } }', {
            k: key,
          }),
      ],
      ['removePainPoint', () => ok('mutation($k: String!) { removePainPoint(blueprintKey: $k, key: "long-survey") { version } }', { k: key })],
      ['removeAction', () => ok('mutation($k: String!) { removeAction(blueprintKey: $k, key: "ca-answer") { version } }', { k: key })],
      ['removeStep', () => ok('mutation($k: String!) { removeStep(blueprintKey: $k, key: "survey") { version } }', { k: key })],
      ['removeStage', () => ok('mutation($k: String!) { removeStage(blueprintKey: $k, key: "after") { version } }', { k: key })],
      ['restoreBlueprint (version 1)', () => ok('mutation($k: String!) { restoreBlueprint(key: $k, version: 1) { version } }', { k: key })],
    ];
    for (const [, write] of writes) await write();
    // Writes that change nothing make no version and send nothing.
    await ok('mutation($k: String!) { renameStage(blueprintKey: $k, key: "notice", name: "Notice the defect") { version } }', { k: key });
    await ok(IMPORT_KEY, { document, mode: 'REPLACE' });
    await ok('mutation($k: String!, $n: String!) { duplicateBlueprint(key: $k, newKey: $n) { version } }', { k: key, n: copy });
    await ok('mutation($k: String!) { deleteBlueprint(key: $k) }', { k: key });

    const changes = await heard.count(writes.length + 1);
    expect(heard.errors).toEqual([]);
    expect(changes.map((c) => c.operation)).toEqual([...writes.map(([operation]) => operation), 'deleteBlueprint']);
    expect(changes.map((c) => c.version)).toEqual([...writes.map((_, i) => i + 1), null]);
    expect(changes.every((c) => c.blueprintKey === key)).toBe(true);
    expect(changes.map((c) => c.deleted)).toEqual([...writes.map(() => false), true]);
    // Each message can carry the blueprint as it is when sent; a deleted one carries null.
    expect(changes[changes.length - 1].blueprint).toBeNull();
    expect(changes.slice(0, -1).every((c) => c.blueprint === null || c.blueprint.key === key)).toBe(true);

    const copied = await copyHeard.count(1);
    expect(copied.map((c) => [c.blueprintKey, c.version, c.operation])).toEqual([[copy, 1, `duplicateBlueprint (of ${key}, version ${writes.length})`]]);
    expect((await quiet.count(0, 0)).length).toBe(0);
    for (const h of [heard, copyHeard, quiet]) h.close();
  });

  it('hears a write made through another app instance on the same database', async () => {
    const key = uniqueKey('live-peer');
    const heard = new Heard(client, CHANGED, { key });
    await sleep(SETTLE_MS);
    await dataOf(other, IMPORT_KEY, { document: { ...repairCurrent(`${key}-`), key }, mode: 'CREATE' });
    const committed = Date.now();
    const [change] = await heard.count(1);
    expect(change).toMatchObject({ blueprintKey: key, version: 1, operation: 'importBlueprint', deleted: false });
    // This instance heard of it at its next look at the database: within a second of the write's answer.
    expect(heard.times[0] - committed).toBeLessThan(1_000);
    heard.close();
  });

  it('runs only subscriptions over WebSocket', async () => {
    const result = await new Promise<any>((resolve) => {
      client.subscribe({ query: '{ __typename }' }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(JSON.stringify(result)).toContain('Over WebSocket only subscriptions run');
  });
});

describe('blueprintChanged with API keys', () => {
  const KEYS = { viewer: `viewer-${'v'.repeat(24)}`, designer: `designer-${'d'.repeat(24)}` };
  let api: TestApp;

  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: Object.entries(KEYS).map(([role, k]) => `${role}:${k}`).join(',') });
    api = await startTestApp({ serving: { security, logging } });
  });
  afterAll(() => api?.close());

  /** What a subscription gets: its first message, or the error that closed the connection. */
  const firstOf = (client: Client, key: string) =>
    new Promise<any>((resolve) => {
      client.subscribe({ query: CHANGED, variables: { key } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });

  it('refuses a connection without a key or with a wrong one, and from another site', async () => {
    for (const client of [
      clientOf(api),
      clientOf(api, { authorization: 'Bearer not-a-key-of-this-server-at-all' }),
      clientOf(api, { authorization: `Bearer ${KEYS.viewer}` }, { origin: 'http://evil.example' }),
    ]) {
      const outcome = await firstOf(client, uniqueKey('live'));
      expect(outcome).toMatchObject({ code: 4403 });
      await client.dispose();
    }
  });

  it('serves the parts a live page swaps in: the newest version as its write left it, edit controls for designers only', async () => {
    const key = uniqueKey('live-parts');
    const designer = { authorization: `Bearer ${KEYS.designer}` };
    expect((await api.graphql(IMPORT_KEY, { document: { ...repairCurrent(`${key}-`), key }, mode: 'CREATE' }, designer)).errors).toBeUndefined();
    const renamed = await api.graphql('mutation($b: String!) { renameStage(blueprintKey: $b, key: "s1", name: "Reporting <b>it</b>") { version } }', { b: key }, designer);
    expect(renamed.errors).toBeUndefined();
    const parts = (headers: Record<string, string>, of = key) => fetch(`${api.url}/blueprints/${of}/parts`, { headers });

    expect((await parts({})).status).toBe(401);
    const drawn = await (await parts(designer)).json();
    expect(drawn.version).toBe(2);
    expect(drawn.grid).toContain('data-action="c1"');
    expect(drawn.grid).toContain('Reporting &lt;b&gt;it&lt;/b&gt;');
    expect(drawn.grid).toContain('class="edit-layer"');
    expect(drawn.history).toMatch(/^<section class="panel" id="history-panel">/);
    expect(drawn.history).toContain('data-version="2"');
    expect(drawn.lint).toMatch(/^<section class="panel" id="lint-panel">/);
    const seen = await (await parts({ authorization: `Bearer ${KEYS.viewer}` })).json();
    expect(seen.grid).not.toContain('edit-layer');
    expect(drawn.grid.startsWith(seen.grid)).toBe(true);

    const missing = await parts(designer, uniqueKey('no-such'));
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/No blueprint has the key/);
  });

  it('lets a viewer key subscribe, given as a connection parameter or on the upgrade request', async () => {
    const key = uniqueKey('live-acl');
    const byParam = clientOf(api, { authorization: `Bearer ${KEYS.viewer}` });
    const byHeader = clientOf(api, undefined, { authorization: `Bearer ${KEYS.viewer}` });
    const heard = [new Heard(byParam, CHANGED, { key }), new Heard(byHeader, CHANGED, { key })];
    await sleep(SETTLE_MS);
    const imported = await api.graphql(IMPORT_KEY, { document: { ...repairCurrent(`${key}-`), key }, mode: 'CREATE' }, { authorization: `Bearer ${KEYS.designer}` });
    expect(imported.errors).toBeUndefined();
    for (const h of heard) {
      const [change] = await h.count(1);
      expect(h.errors).toEqual([]);
      expect(change).toMatchObject({ blueprintKey: key, version: 1, author: 'API_KEYS #2 (designer)' });
      h.close();
    }
    await Promise.all([byParam.dispose(), byHeader.dispose()]);
  });
});
