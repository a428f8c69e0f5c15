import { exampleDocument } from '../helpers/fixtures';
import { runCypher } from '../helpers/cypher';
import { IMPORT_KEY } from '../helpers/queries';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * A dashboard's nightly pull, written the way a BI author writes it: plain
 * `fetch` against the endpoint, the contract's queries, cursor pages walked
 * to the end with small pages. Its totals are checked against what Neo4j
 * holds, counted by Cypher straight on the database, past the API.
 */

const STATES = ['CURRENT', 'FUTURE', 'DAY_IN_LIFE'];

const BLUEPRINT_PAGE = `query Blueprints($states: [BlueprintState!], $first: Int, $after: String) {
  blueprintConnection(states: $states, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key name state } }
  }
}`;
const PAIN_PAGE = `query PainPoints($states: [BlueprintState!], $first: Int, $after: String) {
  painPoints(states: $states, first: $first, after: $after, orderBy: IMPACT) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { key blueprintKey impact severity frequency } }
  }
}`;
const DEPENDENCIES = `query Dependencies($states: [BlueprintState!]) {
  departmentDependencies(states: $states) { from { key } to { key } handoffs impact blueprints }
}`;
const ROOT_CAUSES = `query RootCauses($states: [BlueprintState!]) { rootCauses(states: $states) { totalImpact } }`;

/** The BI author's whole client: one POST per request, errors thrown. */
async function ask(endpoint: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Every node of a connection, page by page, with the totalCount each page reported. */
async function everyNode(endpoint: string, query: string, field: string, variables: Record<string, unknown>) {
  const nodes: any[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  do {
    const connection: any = (await ask(endpoint, query, { ...variables, after }))[field];
    totals.add(connection.totalCount);
    nodes.push(...connection.edges.map((edge: any) => edge.node));
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    pages++;
  } while (after);
  return { nodes, totals: [...totals], pages };
}

describe('a BI client paging through everything with plain fetch', () => {
  let api: TestApp;
  let endpoint: string;
  beforeAll(async () => {
    api = await startTestApp();
    endpoint = `${api.url}/graphql`;
    // Enough of every state that small pages take several round trips.
    for (const state of ['CURRENT', 'CURRENT', 'FUTURE', 'DAY_IN_LIFE']) {
      await dataOf(api, IMPORT_KEY, { document: { ...exampleDocument(uniqueKey('bi')), state }, mode: 'CREATE' });
    }
  });
  afterAll(() => api.close());

  it('counts every blueprint once, by key, and the CURRENT ones as the database does', async () => {
    const [stored] = await runCypher(api, 'MATCH (b:Blueprint) RETURN count(b) AS all, count(CASE WHEN b.state = "CURRENT" THEN 1 END) AS current');
    const all = await everyNode(endpoint, BLUEPRINT_PAGE, 'blueprintConnection', { states: STATES, first: 3 });
    expect(all.totals).toEqual([Number(stored.all)]);
    expect(all.nodes).toHaveLength(Number(stored.all));
    expect(all.pages).toBe(Math.max(1, Math.ceil(Number(stored.all) / 3)));
    const keys = all.nodes.map((node) => node.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);

    const current = await everyNode(endpoint, BLUEPRINT_PAGE, 'blueprintConnection', { states: ['CURRENT'], first: 2 });
    expect(current.nodes).toHaveLength(Number(stored.current));
    expect(current.nodes.every((node) => node.state === 'CURRENT')).toBe(true);
  });

  it('sums the impact of every pain point as the database holds them, in impact order, and as rootCauses totals it', async () => {
    const [stored] = await runCypher(
      api,
      'MATCH (p:PainPoint) RETURN count(p) AS count, sum(p.severity * coalesce(p.frequency, 1.0)) AS impact',
    );
    const { nodes, totals } = await everyNode(endpoint, PAIN_PAGE, 'painPoints', { states: STATES, first: 29 });
    expect(totals).toEqual([Number(stored.count)]);
    expect(nodes).toHaveLength(Number(stored.count));
    expect(new Set(nodes.map((node) => `${node.blueprintKey}/${node.key}`)).size).toBe(nodes.length);
    for (const node of nodes) expect(node.impact).toBeCloseTo(node.severity * node.frequency, 12);
    for (let i = 1; i < nodes.length; i++) expect(nodes[i].impact).toBeLessThanOrEqual(nodes[i - 1].impact);
    const impact = nodes.reduce((sum, node) => sum + node.impact, 0);
    expect(impact).toBeCloseTo(Number(stored.impact), 9);
    const { rootCauses } = await ask(endpoint, ROOT_CAUSES, { states: STATES });
    expect(rootCauses.totalImpact).toBeCloseTo(Number(stored.impact), 9);
  });

  it("totals the handoffs between departments as the database's DEPENDS_ON edges and owners give them", async () => {
    // Each edge with the owning departments of its two ends (role, systems, process, explicit owner).
    const edges = await runCypher(
      api,
      `MATCH (a:Action)-[:DEPENDS_ON]->(b:Action)
       RETURN a.blueprintKey AS blueprint,
              [(a)-[:PERFORMED_BY|USES|PART_OF]->()-[:MEMBER_OF|OWNED_BY]->(d:Department) | d.key] + [(a)-[:OWNED_BY]->(d:Department) | d.key] AS from,
              [(b)-[:PERFORMED_BY|USES|PART_OF]->()-[:MEMBER_OF|OWNED_BY]->(d:Department) | d.key] + [(b)-[:OWNED_BY]->(d:Department) | d.key] AS to`,
    );
    const expected = new Map<string, { handoffs: number; blueprints: Set<string> }>();
    for (const edge of edges) {
      for (const from of new Set<string>(edge.from)) {
        for (const to of new Set<string>(edge.to)) {
          if (from === to) continue;
          const pair = expected.get(`${from}>${to}`) ?? { handoffs: 0, blueprints: new Set<string>() };
          pair.handoffs++;
          pair.blueprints.add(edge.blueprint);
          expected.set(`${from}>${to}`, pair);
        }
      }
    }
    const { departmentDependencies } = await ask(endpoint, DEPENDENCIES, { states: STATES });
    const served = new Map<string, { handoffs: number; blueprints: Set<string> }>(
      departmentDependencies.map((d: any) => [`${d.from.key}>${d.to.key}`, { handoffs: d.handoffs, blueprints: new Set<string>(d.blueprints) }]),
    );
    expect(served.size).toBeGreaterThan(0);
    expect(served).toEqual(expected);
  });
});
