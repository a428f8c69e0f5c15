import { loadConfig } from '../../src/config/app-config';
import { exampleDocument } from '../helpers/fixtures';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, codeOf, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * Opportunities on the real Neo4j: stored fix-sets whose value is always
 * computed from the graph as it is now (the same figures as whatIf over every
 * blueprint), ranked by value per effort, with stale fixes reported.
 */

const OPPORTUNITY_FIELDS = `key title description status effort owner { key } fixes { level key blueprintKey }
  removedImpact removedShare resolvedPainPoints valuePerEffort staleFixes { level key blueprintKey }`;
const UPSERT = `mutation($input: OpportunityInput!) { upsertOpportunity(input: $input) { ${OPPORTUNITY_FIELDS} } }`;
const LIST = `{ opportunities { ${OPPORTUNITY_FIELDS} } }`;
const ONE = `query($key: String!) { opportunity(key: $key) { ${OPPORTUNITY_FIELDS} } }`;
const DELETE = 'mutation($key: String!) { deleteOpportunity(key: $key) }';
const WHAT_IF = 'query($fixes: [FixInput!]!) { whatIf(fixes: $fixes) { removedImpact removedShare resolvedPainPoints } }';

describe('opportunities', () => {
  let api: TestApp;
  const key = uniqueKey('opp-bp');
  beforeAll(async () => {
    api = await startTestApp();
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
  });
  afterAll(() => api.close());
  const ok = <T = any>(query: string, variables: Record<string, unknown> = {}) => dataOf<T>(api, query, variables);

  it('stores a fix-set and values it as whatIf over every blueprint does, now and after the graph changes', async () => {
    const fixes = [{ level: 'SYSTEM', key: 'crm' }, { level: 'STEP', key: 'search-help', blueprintKey: key }];
    const opp = uniqueKey('opp');
    const { upsertOpportunity } = await ok(UPSERT, { input: { key: opp, title: 'Fix the CRM lookups', effort: 2, owner: 'it', fixes } });
    const { whatIf } = await ok(WHAT_IF, { fixes });
    expect(upsertOpportunity).toMatchObject({
      key: opp,
      status: 'IDEA',
      description: null,
      owner: { key: 'it' },
      fixes: [{ level: 'SYSTEM', key: 'crm', blueprintKey: null }, { level: 'STEP', key: 'search-help', blueprintKey: key }],
      staleFixes: [],
      resolvedPainPoints: whatIf.resolvedPainPoints,
    });
    expect(upsertOpportunity.removedImpact).toBeCloseTo(whatIf.removedImpact, 9);
    expect(upsertOpportunity.removedShare).toBeCloseTo(whatIf.removedShare, 9);
    expect(upsertOpportunity.valuePerEffort).toBeCloseTo(whatIf.removedImpact / 2, 9);

    // The value follows the graph: with the blueprint gone, its step fix is stale and removes nothing.
    await ok('mutation($key: String!) { deleteBlueprint(key: $key) }', { key });
    const { opportunity } = await ok(ONE, { key: opp });
    expect(opportunity.staleFixes).toEqual([{ level: 'STEP', key: 'search-help', blueprintKey: key }]);
    const now = (await ok(WHAT_IF, { fixes: [fixes[0]] })).whatIf;
    expect(opportunity.removedImpact).toBeCloseTo(now.removedImpact, 9);
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    expect((await ok(DELETE, { key: opp })).deleteOpportunity).toBe(true);
    expect((await ok(ONE, { key: opp })).opportunity).toBeNull();
    expect(codeOf(await api.graphql(DELETE, { key: opp }))).toBe('NOT_FOUND');
  });

  it('ranks by value per effort, then key', async () => {
    const [a, b] = [uniqueKey('opp-a'), uniqueKey('opp-b')];
    await ok(UPSERT, { input: { key: a, title: 'Small', effort: 5, fixes: [{ level: 'SYSTEM', key: 'crm' }] } });
    await ok(UPSERT, { input: { key: b, title: 'Same, cheaper', effort: 1, status: 'PLANNED', fixes: [{ level: 'SYSTEM', key: 'crm' }] } });
    const listed = (await ok(LIST)).opportunities;
    const ours = listed.filter((o: any) => o.key === a || o.key === b).map((o: any) => o.key);
    expect(ours).toEqual([b, a]);
    for (let i = 1; i < listed.length; i++) expect(listed[i - 1].valuePerEffort).toBeGreaterThanOrEqual(listed[i].valuePerEffort);
    await ok(DELETE, { key: a });
    await ok(DELETE, { key: b });
  });

  it('refuses bad input with every problem at its path, and writes nothing', async () => {
    const opp = uniqueKey('opp');
    const bad = await api.graphql(UPSERT, {
      input: { key: 'Not A Key', title: ' ', effort: 9, fixes: [{ level: 'ACTION', key: 'fs-agent' }, { level: 'LANE', key: 'CUSTOMER' }] },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.problems!.map((p) => p.path)).toEqual([
      'input.key',
      'input.title',
      'input.effort',
      'input.fixes[0].blueprintKey',
      'input.fixes[1].level',
    ]);
    const fixes = await api.graphql(UPSERT, { input: { key: opp, title: 'T', effort: 1, fixes: [{ level: 'ACTION', key: 'fs-agent' }] } });
    expect(fixes.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['input.fixes[0].blueprintKey']);
    const none = await api.graphql(UPSERT, {
      input: { key: opp, title: 'T', effort: 1, owner: uniqueKey('dept'), fixes: [{ level: 'SYSTEM', key: uniqueKey('sys') }] },
    });
    expect(none.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['input.owner']);
    // A fix that names nothing is NOT_FOUND, as in whatIf.
    const system = uniqueKey('sys');
    const unnamed = await api.graphql(UPSERT, { input: { key: opp, title: 'T', effort: 1, fixes: [{ level: 'SYSTEM', key: system }] } });
    expect(codeOf(unnamed)).toBe('NOT_FOUND');
    expect(unnamed.errors![0].message).toBe(`input.fixes[0] names no system "${system}"`);
    const empty = await api.graphql(UPSERT, { input: { key: opp, title: 'T', effort: 1, fixes: [] } });
    expect(empty.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['input.fixes']);
    expect((await ok(ONE, { key: opp })).opportunity).toBeNull();
  });
});

describe('opportunities with access control', () => {
  let api: TestApp;
  const KEYS = { viewer: `viewer-${'v'.repeat(24)}`, designer: `designer-${'d'.repeat(24)}` };
  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: `viewer:${KEYS.viewer},designer:${KEYS.designer}` });
    api = await startTestApp({ serving: { security, logging } });
  });
  afterAll(() => api.close());

  it('lets designers write them and viewers read them', async () => {
    const opp = uniqueKey('opp');
    const input = { key: opp, title: 'T', effort: 1, fixes: [{ level: 'DEPARTMENT', key: 'it' }] };
    const viewer = { authorization: `Bearer ${KEYS.viewer}` };
    expect(codeOf(await api.graphql(UPSERT, { input }, viewer))).toBe('FORBIDDEN');
    expect((await api.graphql(UPSERT, { input }, { authorization: `Bearer ${KEYS.designer}` })).errors).toBeUndefined();
    const read = await api.graphql(ONE, { key: opp }, viewer);
    expect(read.data.opportunity.key).toBe(opp);
    expect(codeOf(await api.graphql(DELETE, { key: opp }, viewer))).toBe('FORBIDDEN');
    expect((await api.graphql(DELETE, { key: opp }, { authorization: `Bearer ${KEYS.designer}` })).errors).toBeUndefined();
  });
});
