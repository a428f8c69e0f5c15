import { loadConfig } from '../../src/config/app-config';
import { AnalysisService } from '../../src/analysis/analysis.service';
import { exampleWithOwnOrganisation } from '../helpers/fixtures';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * Kept analysis results against fresh ones. Instance `kept` keeps answers and
 * blueprints (the default); instance `fresh` keeps nothing, so each of its
 * answers is computed from the database as it is. Every kind of write is
 * made through a third instance, `writer`, as another app instance behind a
 * load balancer would: after each, `kept` must answer exactly as `fresh`.
 */

const QUESTIONS = `query($key: String!, $states: [BlueprintState!]) {
  all: rootCauses(states: $states) { totalImpact painPointCount unattributedImpact departments { department { key name } score rank } }
  one: rootCauses(blueprintKey: $key) { totalImpact departments { department { key name } score } }
  dependencies: departmentDependencies(states: $states) { from { key name } to { key name } handoffs impact blueprints }
  blame(level: DEPARTMENT, blueprintKey: $key) { totalImpact entries { key name score rank share } }
  trace: painPointTrace(blueprintKey: $key, painPointKey: "part-wait") { impact unattributed nodes { action { key } kept departments { key } } }
}`;
const WHAT_IF = `query($key: String!, $department: String!) {
  whatIf(blueprintKey: $key, fixes: [{ level: DEPARTMENT, key: $department }]) { totalImpact removedImpact remainingImpact resolvedPainPoints departments { department { key } before after } }
}`;
const STATES = ['CURRENT', 'FUTURE', 'DAY_IN_LIFE'];

const document = exampleWithOwnOrganisation;

describe('kept analysis results', () => {
  let kept: TestApp;
  let fresh: TestApp;
  let writer: TestApp;
  const org = uniqueKey('kept');
  const key = uniqueKey('kept');
  const other = uniqueKey('kept');

  beforeAll(async () => {
    const { security, logging } = loadConfig({});
    kept = await startTestApp();
    fresh = await startTestApp({ serving: { security, logging, analysis: { keptResults: 0, keptBytes: 0, tracedPerStatement: 1 } } });
    writer = await startTestApp();
    const importing = `mutation($document: BlueprintDocumentInput!) { importBlueprint(document: $document, mode: REPLACE) { created } }`;
    await dataOf(writer, importing, { document: document(key, org) });
    await dataOf(writer, importing, { document: { ...document(other, org), state: 'FUTURE' } });
  });
  afterAll(async () => {
    await Promise.all([kept.close(), fresh.close(), writer.close()]);
  });

  const variables = () => ({ key, states: STATES });
  const answers = async (api: TestApp) => ({
    questions: await dataOf(api, QUESTIONS, variables()),
    whatIf: await dataOf(api, WHAT_IF, { key, department: `${org}-it` }),
  });
  const expectSame = async () => expect(await answers(kept)).toEqual(await answers(fresh));

  it('answers a question asked again, while nothing changed, after one node read', async () => {
    await expectSame();
    const question = `query($key: String!) { rootCauses(blueprintKey: $key, minSeverity: 2) { totalImpact } }`;
    const before = kept.queryCount();
    const first = await dataOf(kept, question, { key });
    expect(kept.queryCount() - before).toBeGreaterThan(1);
    const again = kept.queryCount();
    expect(await dataOf(kept, question, { key })).toEqual(first);
    expect(kept.queryCount() - again).toBe(1);
  });

  it('answers a repeated query of kept questions from its kept response, and a different selection or variables anew', async () => {
    const pairs = `{ departmentDependencies(states: [CURRENT, FUTURE, DAY_IN_LIFE]) { from { key } to { key } handoffs } }`;
    const body = async () =>
      (await fetch(`${kept.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: pairs }) })).text();
    const firstBody = await body();
    const first = JSON.parse(firstBody).data;
    const resolved = jest.spyOn(kept.app.get(AnalysisService), 'departmentDependencies');
    try {
      const before = kept.queryCount();
      // Sent as the JSON it was kept with (test/unit/kept-json): byte for byte the first response.
      expect(await body()).toBe(firstBody);
      expect(kept.queryCount() - before).toBe(1);
      expect(await dataOf(kept, pairs)).toEqual(first);
      // The stamp's read only, each time: the kept response, not the kept answer executed again.
      expect(kept.queryCount() - before).toBe(2);
      expect(resolved).not.toHaveBeenCalled();
      const wider = await dataOf(kept, pairs.replace('handoffs', 'handoffs impact'));
      expect(wider.departmentDependencies[0]).toHaveProperty('impact');
      const one = await dataOf(kept, 'query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact } }', { key });
      const another = await dataOf(kept, 'query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact } }', { key: other });
      expect(one).toEqual(await dataOf(fresh, 'query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact } }', { key }));
      expect(another).toEqual(await dataOf(fresh, 'query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact } }', { key: other }));
      expect(resolved).toHaveBeenCalledTimes(1);
    } finally {
      resolved.mockRestore();
    }
  });

  it('shares one stamp read between questions asked at once, and every question asked after a write through another instance reflects it', async () => {
    const question = 'query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact } }';
    const severity = `mutation($b: String!, $s: Int!) { updatePainPoint(blueprintKey: $b, painPoint: { key: "part-wait", severity: $s }) { version } }`;
    const atOnce = (count: number) => Promise.all(Array.from({ length: count }, () => dataOf(kept, question, { key })));
    // Asked in one tick, so that every later caller arrives while the first read runs (over HTTP,
    // requests may each be served before the next arrives): the first read and one shared by the rest.
    const analysis = kept.app.get(AnalysisService);
    const before = kept.queryCount();
    const stamps = await Promise.all(Array.from({ length: 20 }, () => analysis.currentStamp()));
    expect(kept.queryCount() - before).toBe(2);
    expect(new Set(stamps.map((stamp) => JSON.stringify(stamp))).size).toBe(1);
    const repeated = await atOnce(20);
    expect(new Set(repeated.map((answer) => JSON.stringify(answer))).size).toBe(1);

    // Questions keep arriving while the write commits; those asked once it has answered must all see it.
    let asking = true;
    const meanwhile = (async () => {
      while (asking) await atOnce(5);
    })();
    for (const value of [1, 5]) {
      await dataOf(writer, severity, { b: key, s: value });
      const expected = await dataOf(fresh, question, { key });
      for (const answer of await atOnce(10)) expect(answer).toEqual(expected);
    }
    asking = false;
    await meanwhile;
  });

  const WRITES: [string, string, () => Record<string, unknown>][] = [
    ['an action changes its role (its owner)', `mutation($b: String!, $r: String!) { updateAction(blueprintKey: $b, action: { key: "fs-status", role: $r }) { version } }`, () => ({ b: key, r: `${org}-service-technician` })],
    ['a dependency is drawn', `mutation($b: String!) { addDependency(blueprintKey: $b, from: "ca-wait", to: "bs-order-part") { version } }`, () => ({ b: key })],
    ['a dependency is removed', `mutation($b: String!) { removeDependency(blueprintKey: $b, from: "ca-wait", to: "bs-order-part") { version } }`, () => ({ b: key })],
    ['a pain point changes its severity', `mutation($b: String!) { updatePainPoint(blueprintKey: $b, painPoint: { key: "part-wait", severity: 2 }) { version } }`, () => ({ b: key })],
    ['a stage moves', `mutation($b: String!) { moveStage(blueprintKey: $b, key: "resolve", position: 0) { version } }`, () => ({ b: key })],
    ['a pain point is removed', `mutation($b: String!) { removePainPoint(blueprintKey: $b, key: "guard-rude") { version } }`, () => ({ b: key })],
    ['a role moves to another department', `mutation($r: String!, $d: String!) { upsertRole(role: { key: $r, name: "Hotline agent", department: $d }) { key } }`, () => ({ r: `${org}-hotline-agent`, d: `${org}-it` })],
    ['a department is renamed', `mutation($d: String!) { upsertDepartment(department: { key: $d, name: "Information Technology" }) { key } }`, () => ({ d: `${org}-it` })],
    ['the blueprint is replaced by an import', `mutation($document: BlueprintDocumentInput!) { importBlueprint(document: $document, mode: REPLACE) { created } }`, () => ({ document: document(key, org) })],
    ['another blueprint changes state', `mutation($b: String!) { updateBlueprint(key: $b, properties: { state: CURRENT }) { version } }`, () => ({ b: other })],
    ['another blueprint is deleted', `mutation($b: String!) { deleteBlueprint(key: $b) }`, () => ({ b: other })],
  ];

  it.each(WRITES)('answers as a fresh computation after a write through another instance: %s', async (_what, mutation, args) => {
    await expectSame();
    await dataOf(writer, mutation, args());
    await expectSame();
  });

  it('is bounded: with room for one answer, two questions asked in turn are each computed again', async () => {
    const { security, logging } = loadConfig({});
    const small = await startTestApp({ serving: { security, logging, analysis: { keptResults: 1, keptBytes: 0, tracedPerStatement: 250 } } });
    try {
      const one = `query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact } }`;
      const two = `query($key: String!) { departmentDependencies(blueprintKey: $key) { handoffs } }`;
      await dataOf(small, one, { key });
      await dataOf(small, two, { key });
      const before = small.queryCount();
      await dataOf(small, one, { key });
      expect(small.queryCount() - before).toBeGreaterThan(1);
      const again = small.queryCount();
      await dataOf(small, one, { key });
      expect(small.queryCount() - again).toBe(1);
    } finally {
      await small.close();
    }
  });
});
