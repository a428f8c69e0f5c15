import neo4j, { Driver } from 'neo4j-driver';
import { countDriverQueries, onDriverQuery } from '../../tools/bench/driver-query-count';
import { naiveNestedReadQueries, startNaiveGraphqlServer } from '../../tools/bench/peers/naive-graphql-peer';
import { startNeo4jGraphqlServer } from '../../tools/bench/peers/neo4j-graphql-peer';
import { NESTED_READ_KINDS, NestedReadDigest, NestedReadKind, nestedReadDigest, nestedReadRequest } from '../../tools/bench/peers/nested-read';
import { PeerServer } from '../../tools/bench/peers/peer-http';
import { generateDocument } from '../../tools/bench/synthetic-documents';
import { freePort } from '../helpers/free-port';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The peers of the read benchmark against our API on one blueprint in one
 * database: the same answer from all three, and the driver queries each
 * request makes, counted where the driver sends them.
 */
describe('the nested read of a blueprint: our API, @neo4j/graphql and a resolver per field', () => {
  const driverQueries = countDriverQueries();
  const key = uniqueKey('peers');
  const document = generateDocument({ key, actions: 200, dependencies: 300, seed: 7, orgPrefix: uniqueKey('peers-org') });
  const database = process.env.TEST_NEO4J_DATABASE ?? 'neo4j';

  let api: TestApp;
  let driver: Driver;
  let peers: PeerServer[] = [];
  const urls = {} as Record<NestedReadKind, string>;
  /** Each server's first request, before anything of it was warm, and its second. */
  const first = {} as Record<NestedReadKind, Measured>;
  const warm = {} as Record<NestedReadKind, Measured>;

  interface Measured {
    body: unknown;
    queries: number;
    statements: string[];
  }

  async function nestedRead(kind: NestedReadKind, blueprintKey = key): Promise<Measured> {
    const statements: string[] = [];
    const stopListening = onDriverQuery((statement) => statements.push(statement));
    const before = driverQueries();
    try {
      const response = await fetch(`${urls[kind]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(nestedReadRequest(kind, blueprintKey)),
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      return { body, queries: driverQueries() - before, statements };
    } finally {
      stopListening();
    }
  }

  beforeAll(async () => {
    api = await startTestApp();
    const imported = await api.graphql(IMPORT_KEY, { document });
    expect(imported.errors).toBeUndefined();

    const password = process.env.TEST_NEO4J_PASSWORD ?? '';
    driver = neo4j.driver(
      process.env.TEST_NEO4J_URI!,
      password ? neo4j.auth.basic(process.env.TEST_NEO4J_USERNAME ?? 'neo4j', password) : undefined,
    );
    const host = '127.0.0.1';
    const library = await startNeo4jGraphqlServer({ driver, database, port: await freePort(), host });
    const naive = await startNaiveGraphqlServer({ driver, database, port: await freePort(), host });
    peers = [library, naive];
    urls['blueprint-graph'] = api.url;
    urls['neo4j-graphql'] = library.url;
    urls['naive-resolvers'] = naive.url;
    // One at a time, so that each count holds only that request's queries.
    for (const kind of NESTED_READ_KINDS) {
      first[kind] = await nestedRead(kind);
      warm[kind] = await nestedRead(kind);
    }
  });

  afterAll(async () => {
    for (const peer of peers) await peer.close();
    await driver?.close();
    await api?.close();
  });

  it('counts every statement once, however the driver is asked to send it', async () => {
    const counted = async (work: () => Promise<unknown>) => {
      const before = driverQueries();
      await work();
      return driverQueries() - before;
    };
    const session = driver.session({ database });
    try {
      expect(await counted(() => session.run('RETURN 1'))).toBe(1);
      expect(await counted(() => session.executeRead(async (tx) => [await tx.run('RETURN 1'), await tx.run('RETURN 2')]))).toBe(2);
      expect(await counted(() => session.executeWrite((tx) => tx.run('RETURN 1')))).toBe(1);
      const tx = session.beginTransaction();
      expect(await counted(() => tx.run('RETURN 1'))).toBe(1);
      await tx.commit();
    } finally {
      await session.close();
    }
    expect(await counted(() => driver.executeQuery('RETURN 1', {}, { database }))).toBe(1);
    // Installing again shares the count instead of wrapping twice.
    expect(await counted(() => (countDriverQueries(), driver.executeQuery('RETURN 1', {}, { database })))).toBe(1);
  });

  it('gets the same blueprint from all three, in document order', () => {
    const digests = Object.fromEntries(NESTED_READ_KINDS.map((kind) => [kind, nestedReadDigest(kind, warm[kind].body)])) as Record<
      NestedReadKind,
      NestedReadDigest | null
    >;
    for (const kind of NESTED_READ_KINDS) {
      expect(nestedReadDigest(kind, first[kind].body)).toEqual(digests[kind]);
      // The data alone, as a client that unwraps it passes it, gives the same.
      expect(nestedReadDigest(kind, (warm[kind].body as { data: unknown }).data)).toEqual(digests[kind]);
    }
    const ours = digests['blueprint-graph']!;

    // Not trivially equal: the whole document, in its order, with owners and dependencies.
    expect(ours.stages.map((stage) => stage.steps.map((step) => step.actions.map((action) => [action.key, action.dependsOn])))).toEqual(
      document.stages.map((stage) => stage.steps.map((step) => step.actions.map((action) => [action.key, action.dependsOn ?? []]))),
    );
    expect(ours.painPoints.map((painPoint) => [painPoint.key, painPoint.action, painPoint.causes])).toEqual(
      document.painPoints.map((painPoint) => [painPoint.key, painPoint.action, painPoint.causes ?? []]),
    );
    const actions = ours.stages.flatMap((stage) => stage.steps.flatMap((step) => step.actions));
    expect(actions).toHaveLength(200);
    expect(actions.filter((action) => action.owners.length >= 2).length).toBeGreaterThan(20);
    expect(actions.filter((action) => action.dependsOn.length > 0).length).toBeGreaterThan(50);

    expect(digests['neo4j-graphql']).toEqual(ours);
    expect(digests['naive-resolvers']).toEqual(ours);
  });

  it('answers null for a blueprint that does not exist, on every server', async () => {
    for (const kind of NESTED_READ_KINDS) {
      expect(nestedReadDigest(kind, (await nestedRead(kind, uniqueKey('absent'))).body)).toBeNull();
    }
  });

  it('reads through our API with two driver queries (the contents, then their revisions), the ones the executor counts', async () => {
    const executorBefore = api.queryCount();
    const { queries } = await nestedRead('blueprint-graph');
    expect(queries).toBe(2);
    expect(api.queryCount() - executorBefore).toBe(2);
    expect([first['blueprint-graph'].queries, warm['blueprint-graph'].queries]).toEqual([2, 2]);
  });

  it('reads through @neo4j/graphql with one driver query, after asking the server version once', () => {
    const { queries, statements } = warm['neo4j-graphql'];
    expect({ queries, statements: statements.length }).toEqual({ queries: 1, statements: 1 });
    // The library's first request in a process also runs its version check (dbms.components), then caches the answer.
    expect(first['neo4j-graphql'].queries).toBe(2);
    expect(first['neo4j-graphql'].statements[0]).toMatch(/dbms\.components/);
  });

  it('reads through the naive peer with one driver query per parent object and field', () => {
    const size = {
      stages: document.stages.length,
      steps: document.stages.reduce((sum, stage) => sum + stage.steps.length, 0),
      actions: 200,
      painPoints: document.painPoints.length,
    };
    const expected = 3 + size.stages + size.steps + 2 * size.actions + 2 * size.painPoints;
    expect(naiveNestedReadQueries(size)).toBe(expected);
    expect([first['naive-resolvers'].queries, warm['naive-resolvers'].queries]).toEqual([expected, expected]);
  });
});
