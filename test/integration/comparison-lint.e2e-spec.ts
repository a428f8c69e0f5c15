import { exampleDocument, loadJson } from '../helpers/fixtures';
import { DOCUMENT_FIELDS, IMPORT_KEY } from '../helpers/queries';
import { LINT_EXAMPLE_FINDINGS, lintExample, repairChanges, repairCurrent, repairFuture } from '../helpers/hand-worked';
import { codeOf, dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * compareBlueprints and lint over GraphQL on the real Neo4j, against the
 * hand-worked examples of test/helpers/hand-worked.ts: a current state and
 * the future state a designer makes of it by duplicating and editing, and a
 * version compared with a later one.
 */

const COMPARE = `query($from: String!, $to: String!, $fromVersion: Int, $toVersion: Int) {
  compareBlueprints(from: $from, to: $to, fromVersion: $fromVersion, toVersion: $toVersion) {
    from to fromVersion toVersion properties
    stages { key change fields } steps { key change fields } actions { key change fields } painPoints { key change fields }
    dependencies { from to change }
    departments { department { key name } before after }
    handoffs { from { key name } to { key name } before after }
    totalImpactBefore totalImpactAfter
  } }`;
const LINT_BLUEPRINT = 'query($key: String!) { lintBlueprint(key: $key) { rule severity path message } }';
const LINT_DOCUMENT = 'query($document: BlueprintDocumentInput!) { lintDocument(document: $document) { rule severity path message } }';

describe('comparison and lint over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const ok = <T = any>(query: string, variables: Record<string, unknown>) => dataOf<T>(api, query, variables);

  it('compares a current state with the future state made from it, as worked by hand', async () => {
    const p = `${uniqueKey('cmp')}-`;
    const key = `${p}current`;
    const futureKey = `${p}future`;
    await ok(IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await ok('mutation($key: String!, $newKey: String!) { duplicateBlueprint(key: $key, newKey: $newKey) { key } }', { key, newKey: futureKey });
    // The redesign, as the hand-worked future state has it.
    await ok(IMPORT_KEY, { document: { ...repairFuture(p), key: futureKey }, mode: 'REPLACE' });

    const { compareBlueprints } = await ok(COMPARE, { from: key, to: futureKey });
    expect(compareBlueprints).toEqual({ from: key, to: futureKey, fromVersion: 1, toVersion: 2, ...repairChanges(p) });
    const [it, ops] = [{ key: `${p}it`, name: 'IT' }, { key: `${p}ops`, name: 'Operations' }];

    // The future copy's own history: version 1 (the duplicate, state FUTURE) against version 2.
    const own = (await ok(COMPARE, { from: futureKey, to: futureKey, fromVersion: 1 })).compareBlueprints;
    expect([own.fromVersion, own.toVersion]).toEqual([1, 2]);
    expect(own.actions).toEqual(compareBlueprints.actions);
    expect(own.properties).toEqual([]);
    // Turned round, additions are removals and the scores swap.
    const back = (await ok(COMPARE, { from: futureKey, to: key })).compareBlueprints;
    expect(back.steps).toEqual([{ key: 't2', change: 'REMOVED', fields: [] }]);
    expect(back.departments).toEqual([
      { department: ops, before: 5, after: 2 },
      { department: it, before: 0, after: 2 },
    ]);
    // The state differs from the version the duplicate made.
    const sameAsCopy = (await ok(COMPARE, { from: key, to: futureKey, toVersion: 1 })).compareBlueprints;
    expect(sameAsCopy.properties).toEqual(['state']);
    expect(sameAsCopy.actions).toEqual([]);
    expect(sameAsCopy.departments).toEqual([]);

    expect(codeOf(await api.graphql(COMPARE, { from: key, to: uniqueKey('none') }))).toBe('NOT_FOUND');
    expect(codeOf(await api.graphql(COMPARE, { from: key, to: futureKey, toVersion: 9 }))).toBe('NOT_FOUND');
  });

  it('lints a stored blueprint and a document alike, with the hand-worked findings', async () => {
    const p = `${uniqueKey('lint')}-`;
    const document = { ...lintExample(p), key: `${p}lint` };
    await ok(IMPORT_KEY, { document, mode: 'CREATE' });
    const stored = (await ok(LINT_BLUEPRINT, { key: document.key })).lintBlueprint;
    const unstored = (await ok(LINT_DOCUMENT, { document })).lintDocument;
    expect(stored).toEqual(unstored);
    expect(stored.map(({ rule, severity, path }: any) => [rule, severity, path]).sort()).toEqual(LINT_EXAMPLE_FINDINGS);

    const invalid = await api.graphql(LINT_DOCUMENT, { document: { ...document, stages: [{ key: 'Bad Key', name: 'x', steps: [] }] } });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0].extensions!.problems![0].path).toBe('document.stages[0].key');
    expect(codeOf(await api.graphql(LINT_BLUEPRINT, { key: uniqueKey('none') }))).toBe('NOT_FOUND');
  });

  it('finds on the example blueprint what an independent implementation finds: nothing', async () => {
    const key = uniqueKey('lint-example');
    await ok(IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    expect((await ok(LINT_BLUEPRINT, { key })).lintBlueprint).toEqual(loadJson('after-sales-repair.decisions.expected.json').lint);
  });

  it('serves the document of a version in the shape of a document', async () => {
    const p = `${uniqueKey('cmp')}-`;
    const key = `${p}bp`;
    await ok(IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    const { exportBlueprint } = await ok(`query($key: String!) { exportBlueprint(key: $key, version: 1) { ${DOCUMENT_FIELDS} } }`, { key });
    expect(exportBlueprint.stages[0].steps[0].actions.map((a: any) => a.key)).toEqual(['c1', 'f1', 'b1']);
  });
});
