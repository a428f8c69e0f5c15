import { ConsoleLogger } from '@nestjs/common';
import { loadConfig } from '../../src/config/app-config';
import { runCypher } from '../helpers/cypher';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/** What the front door (body, content type, credentials, /health) lets through, and what it logs. */

const serving = (env: Record<string, string>) => {
  const { security, logging } = loadConfig(env);
  return { security, logging };
};

class CapturingLogger extends ConsoleLogger {
  readonly entries: { level?: string; context?: string; message: any }[] = [];
  constructor() {
    super({ json: true, colors: false });
  }
  protected printMessages(messages: unknown[], context?: string, logLevel?: string): void {
    for (const message of messages) this.entries.push({ level: logLevel, context, message });
  }
}

const upsertDepartment = (key: string) => `mutation { upsertDepartment(input: { key: "${key}", name: "Planted" }) { key } }`;

async function departmentExists(api: TestApp, key: string): Promise<boolean> {
  const [row] = await runCypher(api, 'MATCH (d:Department {key: $key}) RETURN count(d) AS n', { key });
  return Number(row.n) > 0;
}

describe('without keys (the loopback default)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it.each([
    ['application/x-www-form-urlencoded', (q: string) => new URLSearchParams({ query: q }).toString()],
    ['multipart/form-data; boundary=x', (q: string) => `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${q}\r\n--x--\r\n`],
    ['text/plain', (q: string) => JSON.stringify({ query: q })],
  ])('a POST as %s (what a cross-site form sends) is refused with 415 and runs nothing', async (type, body) => {
    const key = uniqueKey('csrf');
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body: body(upsertDepartment(key)) });
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/takes a JSON body/) });
    expect(await departmentExists(api, key)).toBe(false);
  });

  it('JSON bodies work, with a charset and as application/graphql-response+json', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/graphql-response+json']) {
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(response.status).toBe(200);
    }
  });

  it('/health answers GET and HEAD, and refuses other methods without reading their body', async () => {
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect((await fetch(`${api.url}/health`, { method: 'HEAD' })).status).toBe(200);
    const posted = await fetch(`${api.url}/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(1000) }) });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a document with two operations and no operationName is a document error (400) for everyone', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename } mutation B { deleteBlueprint(key: "x") }' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('with keys', () => {
  const KEYS = { viewer: `viewer-${'v'.repeat(24)}`, admin: `admin-${'a'.repeat(24)}` };
  const logger = new CapturingLogger();
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ serving: serving({ API_KEYS: `viewer:${KEYS.viewer},admin:${KEYS.admin}` }), logger });
  });
  afterAll(() => api.close());

  it('an Authorization header is one scheme and one credential: anything after the key is refused', async () => {
    const asked = (authorization: string) => api.graphql('{ __typename }', undefined, { authorization });
    expect((await asked(`Bearer ${KEYS.admin}`)).errors).toBeUndefined();
    const junk = await asked(`Bearer ${KEYS.admin} junk`);
    expect(junk.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/one scheme and one credential/) });
  });

  it('a signed-in form post from another site runs no admin mutation', async () => {
    const key = uniqueKey('csrf');
    const basic = `Basic ${Buffer.from(`anyone:${KEYS.admin}`).toString('base64')}`;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
      body: new URLSearchParams({ query: upsertDepartment(key) }).toString(),
    });
    expect(response.status).toBe(415);
    expect(await departmentExists(api, key)).toBe(false);
  });

  it('refused requests are logged, without the credential, and a flood of them only a few times', async () => {
    const before = logger.entries.length;
    for (let i = 0; i < 50; i++) await api.graphql('{ __typename }', undefined, { authorization: `Bearer ${KEYS.admin}-wrong-${i}` });
    const refusals = logger.entries.slice(before).filter((entry) => entry.message?.message === 'unauthenticated request refused');
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.length).toBeLessThan(50);
    expect(refusals[0]).toMatchObject({ level: 'warn', context: 'Access', message: { path: '/graphql', reason: 'unknown key', requestId: expect.any(String) } });
    expect(JSON.stringify(logger.entries)).not.toContain(KEYS.admin);
  });

  it('a viewer gets the same 400 as an admin for two operations without operationName', async () => {
    const query = 'query A { __typename } mutation B { deleteBlueprint(key: "x") }';
    for (const key of [KEYS.viewer, KEYS.admin]) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].message).toMatch(/operation name/i);
    }
  });
});
