import { TestApp, startTestApp } from '../helpers/test-app';

/** GraphQL over HTTP as the contract's transport section describes it. */
describe('GraphQL over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('answers queries sent with GET', async () => {
    const query = encodeURIComponent('{ departments { key } }');
    const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(Array.isArray(body.data.departments)).toBe(true);
  });

  it('refuses mutations sent with GET', async () => {
    const query = encodeURIComponent('mutation { deleteBlueprint(key: "x") }');
    const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(405);
  });

  it('answers JSON to POST', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: 'query Named { blueprints { key } }', operationName: 'Named' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await response.json()) as any).data.blueprints).toBeDefined();
  });

  it('rejects a malformed query with a GraphQL error', async () => {
    const { errors } = await api.graphql('{ blueprints { ');
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
