import { auditServer } from 'graphql-http';
import { TestApp, startTestApp } from '../helpers/test-app';

/** The audit suite of graphql-http (the GraphQL over HTTP spec's reference) against the running server. */
describe('GraphQL over HTTP conformance', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('fails no MUST audit', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const failedMusts = results
      .filter((result) => result.status !== 'ok' && result.name.startsWith('MUST'))
      .map((result) => `${result.name}: ${'reason' in result ? result.reason : result.status}`);
    expect(failedMusts).toEqual([]);
    const musts = results.filter((result) => result.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const others = results.filter((result) => result.status !== 'ok').map((result) => `${result.status} ${result.name}`);
    console.log(`graphql-http audits: ${results.length - others.length} of ${results.length} ok; not ok (SHOULD/MAY):\n${others.join('\n')}`);
  });
});
