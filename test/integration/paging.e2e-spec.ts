import { runCypher } from '../helpers/cypher';
import { repairCurrent } from '../helpers/hand-worked';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, codeOf, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The lists dashboards and BI tools walk (docs/api-contract.md, "Clients"):
 * filters by state, category and severity, orders, cursor pages that visit
 * every item once in order however the data changes between pages, and
 * `states` on the analysis queries; the totals checked against the database.
 */

const PAIN_POINTS = `query($blueprintKey: String, $states: [BlueprintState!], $categories: [PainCategory!], $minSeverity: Int, $orderBy: PainPointOrder, $first: Int, $after: String) {
  painPoints(blueprintKey: $blueprintKey, states: $states, categories: $categories, minSeverity: $minSeverity, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { key blueprintKey severity frequency impact category action { key } } }
  } }`;
const BLUEPRINTS = `query($states: [BlueprintState!], $first: Int, $after: String) {
  blueprintConnection(states: $states, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key state version } }
  } }`;

type Node = { key: string; blueprintKey: string; severity: number; frequency: number; impact: number; category: string };

describe('filters and pages for clients', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** A blueprint of the repair story in a state, with pain points of the severities, frequencies and categories given. */
  const importBlueprint = async (state: string, pains: [number, number, string][]) => {
    const key = uniqueKey(`paging-${state.toLowerCase()}`);
    const document = { ...repairCurrent(`${key}-`), key, state };
    document.painPoints = pains.map(([severity, frequency, category], i) => ({ key: `p${i}`, title: `Pain ${i}`, action: 'c1', severity, frequency, category }));
    await dataOf(api, IMPORT_KEY, { document, mode: 'CREATE' });
    return key;
  };

  /** Every page of a list, from the first, `first` at a time; `between` runs after each page. */
  const walk = async (query: string, field: string, variables: Record<string, unknown>, between: (page: number) => Promise<void> = async () => undefined) => {
    const nodes: any[] = [];
    const counts: number[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const data: any = await dataOf(api, query, { ...variables, after });
      const connection = data[field];
      counts.push(connection.totalCount);
      nodes.push(...connection.edges.map((edge: any) => edge.node));
      if (connection.edges.length > 0) expect(connection.pageInfo.endCursor).toBe(connection.edges[connection.edges.length - 1].cursor);
      if (!connection.pageInfo.hasNextPage) return { nodes, counts };
      after = connection.pageInfo.endCursor;
      await between(page);
    }
  };

  const inOrder = (nodes: Node[], value: (n: Node) => number) =>
    nodes.every((n, i) => {
      if (i === 0) return true;
      const [a, b] = [nodes[i - 1], n];
      return value(a) > value(b) || (value(a) === value(b) && (a.blueprintKey < b.blueprintKey || (a.blueprintKey === b.blueprintKey && a.key < b.key)));
    });

  it('pages through every pain point once, in order of impact, and the total is the database’s', async () => {
    await importBlueprint('CURRENT', [[5, 0.2, 'SUPPORT'], [2, 0.5, 'PROCESS'], [4, 0.25, 'OTHER']]);
    const [{ count, impacts }] = await runCypher(
      api,
      'MATCH (:Blueprint)-[:HAS_PAIN_POINT]->(p:PainPoint) RETURN count(p) AS count, collect(p.severity * p.frequency) AS impacts',
    );
    // Pages of an odd size, so that the last one is partial; the database holds every test file's pain points.
    const { nodes, counts } = await walk(PAIN_POINTS, 'painPoints', { first: 97 });
    expect(counts.every((c) => c === Number(count))).toBe(true);
    expect(nodes).toHaveLength(Number(count));
    expect(new Set(nodes.map((n: Node) => `${n.blueprintKey}/${n.key}`)).size).toBe(nodes.length);
    expect(inOrder(nodes, (n) => n.impact)).toBe(true);
    expect(nodes.map((n: Node) => n.impact).sort((a: number, b: number) => a - b)).toEqual([...impacts].sort((a: number, b: number) => a - b));
  });

  it('filters by blueprint, state, category and severity, and orders by severity or frequency', async () => {
    const future = await importBlueprint('FUTURE', [[5, 0.1, 'SUPPORT'], [3, 0.9, 'SUPPORT'], [1, 0.5, 'FINANCIAL'], [3, 0.4, 'SUPPORT']]);
    const one = await dataOf(api, PAIN_POINTS, { blueprintKey: future, categories: ['SUPPORT'], minSeverity: 3, orderBy: 'SEVERITY' });
    expect(one.painPoints.totalCount).toBe(3);
    expect(one.painPoints.edges.map((e: any) => e.node.key)).toEqual(['p0', 'p1', 'p3']);
    const byFrequency = await dataOf(api, PAIN_POINTS, { blueprintKey: future, orderBy: 'FREQUENCY' });
    expect(byFrequency.painPoints.edges.map((e: any) => e.node.key)).toEqual(['p1', 'p2', 'p3', 'p0']);
    expect((await dataOf(api, PAIN_POINTS, { blueprintKey: future, states: ['CURRENT'] })).painPoints).toMatchObject({ totalCount: 0, edges: [] });

    const [{ count }] = await runCypher(
      api,
      "MATCH (b:Blueprint)-[:HAS_PAIN_POINT]->(p:PainPoint) WHERE coalesce(b.state, 'CURRENT') = 'FUTURE' AND p.category = 'SUPPORT' RETURN count(p) AS count",
    );
    const { nodes } = await walk(PAIN_POINTS, 'painPoints', { states: ['FUTURE'], categories: ['SUPPORT'], first: 2 });
    expect(nodes).toHaveLength(Number(count));
    expect(nodes.every((n: Node) => n.category === 'SUPPORT')).toBe(true);
  });

  it('keeps a walk whole while blueprints are written between its pages', async () => {
    const keys = [await importBlueprint('DAY_IN_LIFE', [[2, 0.5, 'OTHER'], [3, 0.5, 'OTHER']]), await importBlueprint('DAY_IN_LIFE', [[4, 0.5, 'OTHER']])];
    const before = (await walk(BLUEPRINTS, 'blueprintConnection', { states: ['DAY_IN_LIFE'], first: 500 })).nodes.map((n: any) => n.key);
    let added: string | null = null;
    const { nodes } = await walk(BLUEPRINTS, 'blueprintConnection', { states: ['DAY_IN_LIFE'], first: 1 }, async (page) => {
      if (page === 0) added = await importBlueprint('DAY_IN_LIFE', [[1, 1, 'OTHER']]);
      if (page === 1) await dataOf(api, 'mutation($k: String!) { deleteBlueprint(key: $k) }', { k: keys[1] });
    });
    const seen = nodes.map((n: any) => n.key);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    // Every blueprint there all along is met once, in its place; the one written meanwhile is met if it sorts after where the walk was.
    for (const key of before.filter((k: string) => k !== keys[1])) expect(seen).toContain(key);
    expect(added).not.toBeNull();
    expect(nodes.every((n: any) => n.state === 'DAY_IN_LIFE')).toBe(true);

    const [{ count }] = await runCypher(api, "MATCH (b:Blueprint) WHERE coalesce(b.state, 'CURRENT') = 'DAY_IN_LIFE' RETURN count(b) AS count");
    const all = await walk(BLUEPRINTS, 'blueprintConnection', { states: ['DAY_IN_LIFE'], first: 3 });
    expect(all.nodes).toHaveLength(Number(count));
  });

  it('keeps the analysis to the states asked for', async () => {
    const future = await importBlueprint('FUTURE', [[5, 1, 'OTHER']]);
    const ROOTS = 'query($states: [BlueprintState!], $k: String) { rootCauses(states: $states, blueprintKey: $k) { totalImpact } }';
    const [{ impact }] = await runCypher(
      api,
      "MATCH (b:Blueprint)-[:HAS_PAIN_POINT]->(p:PainPoint) WHERE coalesce(b.state, 'CURRENT') = 'FUTURE' RETURN sum(p.severity * p.frequency) AS impact",
    );
    const { rootCauses } = await dataOf(api, ROOTS, { states: ['FUTURE'] });
    expect(rootCauses.totalImpact).toBeCloseTo(impact, 9);
    expect((await dataOf(api, ROOTS, { states: ['CURRENT'], k: future })).rootCauses.totalImpact).toBe(0);
    expect((await dataOf(api, ROOTS, { states: ['FUTURE'], k: future })).rootCauses.totalImpact).toBe(5);
    const DEPS = 'query($states: [BlueprintState!]) { departmentDependencies(states: $states) { from { key } } }';
    const dependencies = (await dataOf(api, DEPS, { states: ['FUTURE'] })).departmentDependencies;
    expect(dependencies.some((d: any) => d.from.key.startsWith(`${future}-`))).toBe(true);
    expect((await dataOf(api, DEPS, { states: ['DAY_IN_LIFE'] })).departmentDependencies.some((d: any) => d.from.key.startsWith(`${future}-`))).toBe(false);
  });

  it('says what is wrong with a page size or a cursor, at the argument', async () => {
    for (const first of [0, 501]) {
      const response = await api.graphql(PAIN_POINTS, { first });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions!.problems).toEqual([{ path: 'first', message: 'must be an integer from 1 to 500' }]);
    }
    const { painPoints } = await dataOf(api, PAIN_POINTS, { first: 1 });
    const wrongOrder = await api.graphql(PAIN_POINTS, { first: 1, after: painPoints.pageInfo.endCursor, orderBy: 'SEVERITY' });
    expect(wrongOrder.errors![0].extensions!.problems).toEqual([expect.objectContaining({ path: 'after', message: expect.stringContaining('ordered by IMPACT') })]);
    for (const after of ['not-a-cursor', painPoints.pageInfo.endCursor]) {
      const response = await api.graphql(BLUEPRINTS, { after });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect((response.errors![0].extensions!.problems as { path: string }[])[0].path).toBe('after');
    }
    expect(codeOf(await api.graphql(PAIN_POINTS, { blueprintKey: uniqueKey('absent') }))).toBe('NOT_FOUND');
  });
});
