import { monitorEventLoopDelay } from 'node:perf_hooks';
import { denseCyclicDocument } from '../../tools/bench/dense-cyclic-document';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The heaviest question a viewer can ask: every chain of every contribution at
 * depth 20 on a blueprint where every action depends on the next ten, round
 * in a cycle. It must answer in polynomial time and never hold the event loop
 * long enough to keep /health or other clients waiting.
 */

const HEAVY = `query Heavy($key: String!, $limit: Int) {
  rootCauses(blueprintKey: $key, maxDepth: 20) {
    totalImpact
    departments { department { key } score contributions { score chains(limit: $limit) { mass actions { key } } } }
  }
}`;

describe('a dense cyclic blueprint at depth 20', () => {
  let api: TestApp;
  const key = uniqueKey('dense');

  beforeAll(async () => {
    api = await startTestApp();
    const imported = await api.graphql(IMPORT_KEY, { document: denseCyclicDocument({ key }), mode: 'CREATE' });
    expect(imported.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.graphql('mutation($key: String!) { deleteBlueprint(key: $key) }', { key });
    await api.close();
  });

  it('answers every chain while /health and the event loop stay responsive', async () => {
    const delays = monitorEventLoopDelay({ resolution: 10 });
    const healthTimes: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        const response = await fetch(`${api.url}/health`);
        expect(response.status).toBe(200);
        healthTimes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    delays.enable();
    const started = performance.now();
    const answer = await api.graphql(HEAVY, { key, limit: 3 });
    const elapsed = performance.now() - started;
    delays.disable();
    done = true;
    await probe;

    expect(answer.errors).toBeUndefined();
    const departments = answer.data.rootCauses.departments;
    expect(departments.length).toBeGreaterThan(10);
    for (const department of departments) {
      for (const contribution of department.contributions) {
        expect(contribution.chains.length).toBeGreaterThan(0);
        expect(contribution.chains.length).toBeLessThanOrEqual(3);
        // No chain carries more than the contribution it is part of.
        for (const chain of contribution.chains) expect(chain.mass).toBeLessThanOrEqual(contribution.score * (1 + 1e-12));
      }
    }
    // Figures seen, for the closing note and the next person reading a failure.
    console.log(`heavy rootCauses: ${Math.round(elapsed)} ms; event loop delay max ${Math.round(delays.max / 1e6)} ms; ` +
      `/health max ${Math.round(Math.max(...healthTimes))} ms over ${healthTimes.length} probes`);
    expect(elapsed).toBeLessThan(20_000);
    // The arithmetic pauses every 20 ms; what this shared test process sees on top (45-139 ms at most over runs,
    // with Neo4j and jest on two cores) is its garbage collection and the one read of the blueprint. The bound
    // catches what matters: unpaced, one request held the loop 40 s; with a slice per request, 560 ms.
    expect(delays.max / 1e6).toBeLessThan(300);
    expect(healthTimes.length).toBeGreaterThan(0);
  });

  it('refuses a chain limit beyond the server bound', async () => {
    const answer = await api.graphql(HEAVY, { key, limit: 101 });
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/) } });
  });
});

describe('a nesting of lists far larger than the cost rule can see', () => {
  let api: TestApp;
  const key = uniqueKey('fan');

  beforeAll(async () => {
    api = await startTestApp();
    // 9 dependencies each: with the departments' references, as many as a document may hold.
    const document = denseCyclicDocument({ key, actions: 5000, fanOut: 9, painPoints: 10 });
    const imported = await api.graphql(IMPORT_KEY, { document, mode: 'CREATE' });
    expect(imported.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.graphql('mutation($key: String!) { deleteBlueprint(key: $key) }', { key });
    await api.close();
  });

  it('three levels of dependsOn on 5,000 actions with 9 each: refused before it is built, with one error and no data', async () => {
    const query = `query($key: String!) { blueprint(key: $key) { stages { steps { actions {
      key name dependsOn { key name dependsOn { key name dependsOn { key name } } } } } } } }`;
    const rssBefore = process.memoryUsage().rss;
    const delays = monitorEventLoopDelay({ resolution: 10 });
    delays.enable();
    const started = performance.now();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { key } }),
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    delays.disable();
    const body = JSON.parse(text);
    console.log(`nested dependsOn x3 on 5,000 actions: refused in ${Math.round(elapsed)} ms, ${text.length} bytes, ` +
      `rss +${Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20)} MB, event loop delay max ${Math.round(delays.max / 1e6)} ms`);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: expect.stringMatching(/more than 2000000 fields/), extensions: { code: 'RESPONSE_TOO_LARGE' } }]);
    expect(text.length).toBeLessThan(1000);
  });

  it('the whole blueprint, one level of dependsOn, is still answered', async () => {
    const answer = await api.graphql(`query($key: String!) { blueprint(key: $key) { stages { steps { actions { key name dependsOn { key } } } } } }`, { key });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.blueprint.stages[0].steps).toHaveLength(500);
  });
});
