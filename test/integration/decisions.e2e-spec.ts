import { exampleDocument, loadJson } from '../helpers/fixtures';
import { IMPORT_KEY } from '../helpers/queries';
import { codeOf, dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * blame (every level) and whatIf over GraphQL on the real Neo4j, against the
 * figures of test/fixtures/after-sales-repair.decisions.expected.json, which
 * an implementation of domain.md independent of the product computed for the
 * example blueprint; and the checks of their arguments.
 */

const EXPECTED = loadJson('after-sales-repair.decisions.expected.json');
const EXAMPLE_KEY = 'after-sales-repair';

const BLAME = `query($level: BlameLevel!, $blueprintKey: String, $minSeverity: Int, $retention: Float, $maxDepth: Int) {
  blame(level: $level, blueprintKey: $blueprintKey, minSeverity: $minSeverity, retention: $retention, maxDepth: $maxDepth) {
    level totalImpact unplacedImpact painPointCount entries { rank key name blueprintKey score share painPointCount } } }`;
const WHAT_IF = `query($fixes: [FixInput!]!, $blueprintKey: String, $minSeverity: Int) {
  whatIf(fixes: $fixes, blueprintKey: $blueprintKey, minSeverity: $minSeverity) {
    totalImpact removedImpact remainingImpact removedShare resolvedPainPoints
    painPoints { painPoint { key blueprintKey } impact removed remaining resolved }
    departments { department { key } before after } } }`;
const DEPENDENTS = `query($level: BlameLevel!, $key: String!, $blueprintKey: String, $maxDepth: Int) {
  dependents(level: $level, key: $key, blueprintKey: $blueprintKey, maxDepth: $maxDepth) {
    actions { blueprintKey distance action { key lane } } blueprints customerActions departments { key } painPoints { key blueprintKey } } }`;
const ROOT_CAUSES = 'query($blueprintKey: String) { rootCauses(blueprintKey: $blueprintKey) { departments { department { key } score share } } }';

/** Every number to 1e-9, relative; everything else exactly. */
function expectFigures(actual: unknown, expected: unknown, where = ''): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect([where, (actual as unknown[]).length]).toEqual([where, expected.length]);
    expected.forEach((item, i) => expectFigures((actual as unknown[])[i], item, `${where}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) expectFigures((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  } else {
    expect([where, actual]).toEqual([where, expected]);
  }
}

describe('blame at every level and what a fix removes, over GraphQL', () => {
  let api: TestApp;
  const key = uniqueKey('decisions');
  /** The expected figures with the example's key replaced by this test's. */
  const rekeyed = (value: unknown): any => JSON.parse(JSON.stringify(value).split(`"${EXAMPLE_KEY}"`).join(`"${key}"`));

  beforeAll(async () => {
    api = await startTestApp();
    const imported = await api.graphql(IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    expect(imported.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  const ok = <T = any>(query: string, variables: Record<string, unknown>) => dataOf<T>(api, query, variables);

  it.each(Object.keys(EXPECTED.blame))('blame(level: %s) gives the independent figures', async (level) => {
    const { blame } = await ok(BLAME, { level, blueprintKey: key });
    expect(blame.level).toBe(level);
    expectFigures(blame, rekeyed(EXPECTED.blame[level]));
    const sum = blame.entries.reduce((total: number, e: any) => total + e.score, 0);
    expect(Math.abs(sum + blame.unplacedImpact - blame.totalImpact)).toBeLessThan(1e-9);
  });

  it('DEPARTMENT is rootCauses', async () => {
    const [{ blame }, { rootCauses }] = [await ok(BLAME, { level: 'DEPARTMENT', blueprintKey: key }), await ok(ROOT_CAUSES, { blueprintKey: key })];
    expect(blame.entries.map((e: any) => [e.key, e.score, e.share])).toEqual(rootCauses.departments.map((d: any) => [d.department.key, d.score, d.share]));
  });

  it.each(EXPECTED.whatIf.map((c: any) => [JSON.stringify(c.fixes), c]) as [string, any][])('whatIf(%s) gives the independent figures', async (_name, expected: any) => {
    const { fixes, ...figures } = rekeyed(expected);
    const { whatIf } = await ok(WHAT_IF, { fixes, blueprintKey: key });
    expectFigures(
      {
        ...whatIf,
        painPoints: whatIf.painPoints.map(({ painPoint, ...rest }: any) => ({ blueprintKey: painPoint.blueprintKey, key: painPoint.key, ...rest })),
        departments: whatIf.departments.map(({ department, ...rest }: any) => ({ key: department.key, ...rest })),
      },
      figures,
    );
  });

  it.each(EXPECTED.dependents.map((c: any) => [`${c.level} ${c.key}`, c]) as [string, any][])(
    'dependents(%s) gives the independent answer',
    async (_name, expected: any) => {
      const { level, key: thing, ...answer } = rekeyed(expected);
      const { dependents } = await ok(DEPENDENTS, { level, key: thing, blueprintKey: key });
      expect({
        actions: dependents.actions.map((a: any) => ({ distance: a.distance, blueprintKey: a.blueprintKey, key: a.action.key })),
        blueprints: dependents.blueprints,
        customerActions: dependents.customerActions,
        departments: dependents.departments.map((d: any) => d.key),
        painPoints: dependents.painPoints.map((p: any) => ({ blueprintKey: p.blueprintKey, key: p.key })),
      }).toEqual(answer);
    },
  );

  it('dependents: an action of a blueprint, the depth, and questions that name nothing', async () => {
    const own = (await ok(DEPENDENTS, { level: 'ACTION', key: 'bs-order-lookup', blueprintKey: key, maxDepth: 0 })).dependents;
    expect(own.actions.map((a: any) => [a.action.key, a.distance])).toEqual([['bs-order-lookup', 0]]);
    const deeper = (await ok(DEPENDENTS, { level: 'ACTION', key: 'bs-order-lookup', blueprintKey: key })).dependents;
    expect(deeper.actions.length).toBeGreaterThan(1);
    for (const [i, a] of deeper.actions.entries()) if (i > 0) expect(a.distance).toBeGreaterThanOrEqual(deeper.actions[i - 1].distance);
    expect(codeOf(await api.graphql(DEPENDENTS, { level: 'SYSTEM', key: uniqueKey('none') }))).toBe('NOT_FOUND');
    expect(codeOf(await api.graphql(DEPENDENTS, { level: 'ACTION', key: 'no-such', blueprintKey: key }))).toBe('NOT_FOUND');
    const bad = await api.graphql(DEPENDENTS, { level: 'ACTION', key: 'bs-order-lookup', maxDepth: 30 });
    expect(bad.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['maxDepth', 'blueprintKey']);
    expect(codeOf(await api.graphql(DEPENDENTS, { level: 'LANE', key: 'CUSTOMER' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses bad scopes and fixes with every problem at its path, and a fix that names nothing with NOT_FOUND', async () => {
    const bad = await api.graphql(BLAME, { level: 'ROLE', blueprintKey: key, minSeverity: 9, retention: 1.5, maxDepth: -1 });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['retention', 'maxDepth', 'minSeverity']);

    const fixes = [
      { level: 'SYSTEM', key: 'crm' },
      { level: 'ACTION', key: 'fs-agent' },
      { level: 'DEPARTMENT', key: 'it', blueprintKey: key },
      { level: 'LANE', key: 'CUSTOMER' },
    ];
    const refused = await api.graphql(WHAT_IF, { fixes });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['fixes[1].blueprintKey', 'fixes[2].blueprintKey', 'fixes[3].level']);

    const missing = await api.graphql(WHAT_IF, {
      fixes: [
        { level: 'SYSTEM', key: 'crm' },
        { level: 'SYSTEM', key: uniqueKey('no-system') },
        { level: 'STEP', key: 'no-such-step', blueprintKey: key },
      ],
    });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0].message).toMatch(/^fixes\[1\] names no system "no-system-\w+"; fixes\[2\] names no step "no-such-step" in blueprint/);
  });

  it('scopes by severity, and over every blueprint without a key', async () => {
    const severe = (await ok(WHAT_IF, { fixes: [{ level: 'DEPARTMENT', key: 'it' }], blueprintKey: key, minSeverity: 4 })).whatIf;
    const all = (await ok(WHAT_IF, { fixes: [{ level: 'DEPARTMENT', key: 'it' }], blueprintKey: key })).whatIf;
    expect(severe.totalImpact).toBeLessThan(all.totalImpact);
    const everywhere = (await ok(BLAME, { level: 'LANE' })).blame;
    expect(everywhere.totalImpact).toBeGreaterThanOrEqual((await ok(BLAME, { level: 'LANE', blueprintKey: key })).blame.totalImpact);
  });
});
