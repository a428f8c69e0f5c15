import { exampleDocument } from '../helpers/fixtures';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * Two app instances on one database through the routing scheme (neo4j://),
 * as behind a load balancer on a cluster or Aura: every read runs in a read
 * transaction the driver may route to a follower, and a client's write is
 * visible to its next read through the other instance when it sends back the
 * bookmarks the write answered with.
 */

const BLUEPRINT = 'query($key: String!) { blueprint(key: $key) { key version } }';
const RENAME = 'mutation($key: String!, $name: String!) { updateBlueprint(key: $key, properties: { name: $name }) { version } }';

async function post(api: TestApp, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { bookmarks: response.headers.get('neo4j-bookmarks'), body: await response.json() };
}

describe('several app instances on one database, through neo4j://', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const uri = process.env.TEST_NEO4J_URI!.replace(/^bolt:/, 'neo4j:');
    expect(uri).toMatch(/^neo4j:\/\//);
    first = await startTestApp({ uri });
    second = await startTestApp({ uri });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it("answers a write with its bookmarks, and a read through the other instance with them sees the write", async () => {
    const key = uniqueKey('instances');
    const written = await post(first, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    expect(written.body.errors).toBeUndefined();
    expect(written.bookmarks).toMatch(/^\S+$/);

    const read = await post(second, BLUEPRINT, { key }, { 'Neo4j-Bookmarks': written.bookmarks! });
    expect(read.body).toEqual({ data: { blueprint: { key, version: 1 } } });
    // A read writes nothing, so it answers no bookmarks.
    expect(read.bookmarks).toBeNull();

    const renamed = await post(second, RENAME, { key, name: 'Renamed through the second instance' }, { 'Neo4j-Bookmarks': written.bookmarks! });
    expect(renamed.body).toEqual({ data: { updateBlueprint: { version: 2 } } });
    expect(renamed.bookmarks).not.toBe(written.bookmarks);
    const back = await post(first, BLUEPRINT, { key }, { 'Neo4j-Bookmarks': renamed.bookmarks! });
    expect(back.body.data.blueprint.version).toBe(2);
  });

  it('ignores malformed bookmark tokens, and answers a bookmark the database does not know as BAD_USER_INPUT at the header', async () => {
    const key = uniqueKey('instances');
    const malformed = await post(first, BLUEPRINT, { key }, { 'Neo4j-Bookmarks': 'not a bookmark, {}' });
    expect(malformed.body).toEqual({ data: { blueprint: null } });
    const unknown = await post(first, BLUEPRINT, { key }, { 'Neo4j-Bookmarks': 'FB:nosuchbookmark' });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'Neo4j-Bookmarks' }] });
  });
});
