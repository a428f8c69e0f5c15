import { ConsoleLogger } from '@nestjs/common';
import { loadConfig } from '../../src/config/app-config';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';
import { exampleDocument } from '../helpers/fixtures';
import { EXPORT, IMPORT, IMPORT_KEY } from '../helpers/queries';


const serving = (env: Record<string, string>) => {
  const { security, logging } = loadConfig(env);
  return { security, logging };
};

/** Keeps what the app logs, as the JSON lines a log collector would get. */
class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  constructor() {
    super({ json: true, colors: false });
  }
  protected printMessages(messages: unknown[], context?: string, logLevel?: string): void {
    for (const message of messages) this.lines.push(JSON.stringify({ level: logLevel, context, message }));
  }
}

const post = (api: TestApp, body: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const nested = (levels: number) => `{ blueprint(key: "b") { stages { steps { actions { ${'dependsOn { '.repeat(levels)}key${' }'.repeat(levels)} } } } } }`;

describe('hostile requests are refused before any database call', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({ MAX_BODY_SIZE: '256k' }) });
  });
  afterAll(() => api.close());

  const expectRefused = async (query: string, code: string, message: RegExp) => {
    const before = api.queryCount();
    const response = await post(api, JSON.stringify({ query }));
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
    expect(body.data).toBeUndefined();
    expect(api.queryCount()).toBe(before);
  };

  it('a query 50 levels deep', () => expectRefused(nested(50), 'GRAPHQL_VALIDATION_FAILED', /nested 55 levels deep; the limit is 12/));

  it('a query with 1,000 aliases', () =>
    expectRefused(
      `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /has 1000 aliases; the limit is 30/,
    ));

  it('a query of 100 KB', async () => {
    const query = `{ ${Array.from({ length: 9000 }, () => 'blueprints { key }').join(' ')} }`;
    expect(query.length).toBeGreaterThan(100_000);
    await expectRefused(query, 'GRAPHQL_PARSE_FAILED', /more tha[nt] 5000 tokens/);
  });

  it('a query whose cost is far over the limit', () =>
    expectRefused(nested(8), 'GRAPHQL_VALIDATION_FAILED', /would cost about \d{9,} fields .* the limit is 5000000/));

  it('fragments that spread each other twice per level: refused at once, over POST and GET', async () => {
    const fragments = [`fragment F0 on Query{__typename}`];
    for (let i = 1; i <= 28; i++) fragments.push(`fragment F${i} on Query{...F${i - 1}...F${i - 1}}`);
    const query = `{...F28}${fragments.join('')}`;
    expect(query.length).toBeLessThan(1024);
    await expectRefused(query, 'GRAPHQL_VALIDATION_FAILED', /would cost about 268435456 fields/);
    for (const send of [() => post(api, JSON.stringify({ query })), () => fetch(`${api.url}/graphql?query=${encodeURIComponent(query)}`)]) {
      const started = performance.now();
      const response = await send();
      await response.json();
      // 30-60 ms seen over HTTP; the measuring walk alone is held to 100 ms in the unit tests. Unfixed, this hung for minutes.
      expect(performance.now() - started).toBeLessThan(500);
      expect(response.status).toBe(400);
    }
  });

  it('a list bound given as a variable is costed by its value', async () => {
    const query = 'query Chains($n: Int) { rootCauses { departments { contributions { chains(limit: $n) { mass } } } } }';
    const response = await post(api, JSON.stringify({ query, variables: { n: 100000 } }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/operation "Chains" would cost about \d+ fields/);
    expect((await api.graphql(query, { n: 2 })).errors).toBeUndefined();
  });

  it('a body over MAX_BODY_SIZE, with 413 and a GraphQL error', async () => {
    const before = api.queryCount();
    const document = exampleDocument(uniqueKey('big'));
    document.description = 'x'.repeat(300 * 1024);
    const response = await post(api, JSON.stringify({ query: IMPORT_KEY, variables: { document } }));
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toEqual({
      message: 'The request body is larger than the limit of 262144 bytes (MAX_BODY_SIZE)',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(api.queryCount()).toBe(before);
  });

  it('a body that is not JSON, with 400 and a GraphQL error', async () => {
    const response = await post(api, '{"query": ');
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('by default, as `npm start` runs', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({}) });
  });
  afterAll(() => api.close());

  it('errors carry no stack trace, a mistyped field gets a suggestion, and introspection is on', async () => {
    const typo = await api.graphql('{ blueprint(key: "x") { nam } }');
    expect(typo.errors?.[0].message).toMatch(/Did you mean "name"\?/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
    const missing = await api.graphql('{ exportBlueprint(key: "no-such-blueprint") { key } }');
    expect(missing.errors?.[0]).toEqual({
      message: expect.stringContaining('no-such-blueprint'),
      locations: [{ line: 1, column: 3 }],
      path: ['exportBlueprint'],
      extensions: { code: 'NOT_FOUND' },
    });
    const introspection = await api.graphql('{ __schema { queryType { name } } }');
    expect(introspection).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it("a variable that does not fit its type is BAD_USER_INPUT with the contract's problem list", async () => {
    const wrong = await api.graphql('query($f: Int) { painPoints(first: $f) { totalCount } }', { f: 'three' });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: '$f', message: expect.stringMatching(/Int cannot represent/) }] });
    const missing = await api.graphql('mutation($d: BlueprintDocumentInput!) { importBlueprint(document: $d) { created } }', { d: { key: 'k', name: 'N', stages: [{ key: 's', steps: [] }] } });
    expect(missing.errors?.[0].extensions?.problems).toEqual([{ path: 'd.stages[0].name', message: expect.stringMatching(/not provided|required/) }]);
  });
});

describe('in development (NODE_ENV=development)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({ NODE_ENV: 'development' }) });
  });
  afterAll(() => api.close());

  it('errors carry their stack trace', async () => {
    const missing = await api.graphql('{ exportBlueprint(key: "no-such-blueprint") { key } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/NotFoundError/)]));
  });
});

describe('in production', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({ NODE_ENV: 'production' }) });
  });
  afterAll(() => api.close());

  it('errors carry no stack trace and no field suggestions, and introspection is off', async () => {
    const typo = await api.graphql('{ blueprint(key: "x") { nam } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
    const missing = await api.graphql('{ exportBlueprint(key: "no-such-blueprint") { key } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].extensions).not.toHaveProperty('stacktrace');
    const introspection = await api.graphql('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
  });
});

describe('logs', () => {
  const KEY = `designer-${'k'.repeat(30)}`;
  let api: TestApp;
  const logger = new CapturingLogger();
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({ API_KEYS: `designer:${KEY}`, SLOW_QUERY_MS: '0' }), logger });
  });
  afterAll(() => api.close());

  it('one entry per operation with the request id, operation, caller and duration; slow ones as warnings; never the key', async () => {
    const response = await post(api, JSON.stringify({ query: 'query Listing { blueprints { key } }' }), {
      authorization: `Bearer ${KEY}`,
      'x-request-id': 'trace-42',
    });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    await post(api, JSON.stringify({ query: '{ blueprints { key } }' }), { authorization: `Bearer ${KEY}-wrong` });
    const entries = logger.lines.map((line) => JSON.parse(line));
    const operation = entries.find((entry) => entry.message?.requestId === 'trace-42' && entry.context === 'GraphQL');
    expect(operation).toMatchObject({
      level: 'warn',
      message: { message: 'slow operation', operation: 'Listing', type: 'query', caller: 'API_KEYS #1 (designer)' },
    });
    expect(operation.message.durationMs).toEqual(expect.any(Number));
    expect(entries.some((entry) => entry.context === 'Neo4j' && entry.message?.message === 'slow statement')).toBe(true);
    expect(logger.lines.join('\n')).not.toContain(KEY);
  });
});

describe('a response budget of 200 fields', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({ GRAPHQL_MAX_RESPONSE_FIELDS: '200' }) });
  });
  afterAll(() => api.close());

  it('answers what fits, refuses a read past it with one error, and says when a mutation was written all the same', async () => {
    const key = uniqueKey('budget');
    const imported = await api.graphql(IMPORT, { document: exampleDocument(key), mode: 'CREATE' });
    expect(imported.data).toBeUndefined();
    expect(imported.errors).toEqual([
      { message: expect.stringMatching(/^The change was written, but its answer would hold more than 200 fields/), extensions: { code: 'RESPONSE_TOO_LARGE', written: true } },
    ]);
    expect((await api.graphql(EXPORT, { key })).errors?.[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
    const small = await api.graphql('query($key: String!) { blueprint(key: $key) { key stages { key } } }', { key });
    expect(small.errors).toBeUndefined();
    expect(small.data.blueprint.key).toBe(key);
  });
});
