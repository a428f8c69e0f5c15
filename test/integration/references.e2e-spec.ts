import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * What a department has (its roles, systems, processes and the actions it
 * owns), the objects beside the answer's key fields, and the organisation
 * changes an import reports or is refused for, over HTTP against the real
 * Neo4j. Every key is unique to the run: the database is shared.
 */

const RESULT = 'created blueprint { key version } organisationChanges { kind key before { name department } after { name department } }';
const IMPORT = `mutation($document: BlueprintDocumentInput!, $mode: ImportMode) { importBlueprint(document: $document, mode: $mode) { ${RESULT} } }`;
const IMPORT_MANY = `mutation($documents: [BlueprintDocumentInput!]!, $mode: ImportMode, $updateOrganisation: Boolean) {
  importBlueprints(documents: $documents, mode: $mode, updateOrganisation: $updateOrganisation) { ${RESULT} }
}`;
const BLUEPRINT = `query($key: String!) { blueprint(key: $key) { key version } }`;
const DEPARTMENTS = `{ departments { key name actionCount roles { key name department { key } } systems { key department { key } } processes { key } } }`;

/**
 * Two departments of their own: `ops` with role `agent` and system `crm`,
 * `it` with process `sync`. Actions: ca-ask (no owner), fs-answer (agent
 * and crm: ops once), bs-log (crm: ops), sp-sync (sync and explicitly it:
 * it once). So ops owns 2 actions of this blueprint and it 1.
 */
function document(key: string, org: Org, names: { ops?: string; agentDepartment?: string } = {}) {
  return {
    key,
    name: `Asks for help ${key}`,
    departments: [
      { key: org.ops, name: names.ops ?? 'Operations' },
      { key: org.it, name: 'IT' },
    ],
    roles: [{ key: org.agent, name: 'Agent', department: names.agentDepartment ?? org.ops }],
    systems: [{ key: org.crm, name: 'CRM', department: org.ops }],
    processes: [{ key: org.sync, name: 'Sync', department: org.it }],
    stages: [
      {
        key: 'serve',
        name: 'Serve',
        steps: [
          {
            key: 'help',
            name: 'Helps',
            actions: [
              { key: 'ca-ask', lane: 'CUSTOMER', name: 'Asks', emotion: -2, dependsOn: ['fs-answer'] },
              { key: 'fs-answer', lane: 'FRONTSTAGE', name: 'Answers', role: org.agent, systems: [org.crm], dependsOn: ['bs-log'] },
              { key: 'bs-log', lane: 'BACKSTAGE', name: 'Logs it', systems: [org.crm], dependsOn: ['sp-sync'] },
              { key: 'sp-sync', lane: 'SUPPORT', name: 'Syncs', process: org.sync, department: org.it },
            ],
          },
        ],
      },
    ],
    painPoints: [{ key: 'slow-answer', title: 'Slow answer', action: 'ca-ask', severity: 4, frequency: 0.5 }],
  };
}

interface Org {
  ops: string;
  it: string;
  agent: string;
  crm: string;
  sync: string;
}

function newOrg(): Org {
  const org = uniqueKey('ref');
  return { ops: `${org}-ops`, it: `${org}-it`, agent: `${org}-agent`, crm: `${org}-crm`, sync: `${org}-sync` };
}

describe('what departments have, and the objects beside key fields', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const imported = async (doc: unknown, variables: Record<string, unknown> = {}) => {
    const answer = await api.graphql(IMPORT, { document: doc, ...variables });
    expect(answer.errors).toBeUndefined();
    return answer.data.importBlueprint;
  };

  it("lists a department's roles, systems and processes, and counts the actions it owns over every blueprint, once each", async () => {
    const org = newOrg();
    await imported(document(uniqueKey('first'), org));
    const second = document(uniqueKey('second'), org);
    // In the second blueprint only fs-answer stays owned by ops; the others lose their owners.
    second.stages[0].steps[0].actions = second.stages[0].steps[0].actions.map((action) =>
      action.key === 'fs-answer' ? action : { key: action.key, lane: action.lane, name: action.name },
    );
    second.painPoints = [];
    await imported(second);

    const answer = await api.graphql(DEPARTMENTS);
    expect(answer.errors).toBeUndefined();
    const byKey = new Map(answer.data.departments.map((d: any) => [d.key, d]));
    expect(byKey.get(org.ops)).toEqual({
      key: org.ops,
      name: 'Operations',
      actionCount: 3,
      roles: [{ key: org.agent, name: 'Agent', department: { key: org.ops } }],
      systems: [{ key: org.crm, department: { key: org.ops } }],
      processes: [],
    });
    expect(byKey.get(org.it)).toEqual({ key: org.it, name: 'IT', actionCount: 1, roles: [], systems: [], processes: [{ key: org.sync }] });
  });

  it('reads those of every department asked in one request in a fixed number of statements, however many there are', async () => {
    for (let i = 0; i < 3; i++) await imported(document(uniqueKey('many'), newOrg()));
    const before = api.queryCount();
    const answer = await api.graphql(DEPARTMENTS);
    const statements = api.queryCount() - before;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.departments.length).toBeGreaterThanOrEqual(6);
    // The departments, their members, their action counts.
    expect(statements).toBeLessThanOrEqual(3);
  });

  it("answers the blueprints beside their keys: a pain point's, a dependency's, a dependent's", async () => {
    const org = newOrg();
    const key = uniqueKey('refs');
    await imported(document(key, org));
    const answer = await api.graphql(
      `query($key: String!, $ops: String!) {
        painPoints(blueprintKey: $key) { edges { node { key blueprintKey blueprint { key name } } } }
        departmentDependencies(blueprintKey: $key) { from { key } to { key } blueprints blueprintRefs { key name stages { key } } }
        dependents(level: DEPARTMENT, key: $ops, blueprintKey: $key) { blueprints blueprintRefs { key } actions { blueprintKey blueprint { key } } }
      }`,
      { key, ops: org.ops },
    );
    expect(answer.errors).toBeUndefined();
    const name = `Asks for help ${key}`;
    expect(answer.data.painPoints.edges).toEqual([{ node: { key: 'slow-answer', blueprintKey: key, blueprint: { key, name } } }]);
    expect(answer.data.departmentDependencies).toEqual([
      { from: { key: org.ops }, to: { key: org.it }, blueprints: [key], blueprintRefs: [{ key, name, stages: [{ key: 'serve' }] }] },
    ]);
    const dependents = answer.data.dependents;
    expect(dependents.blueprintRefs).toEqual([{ key }]);
    expect(dependents.actions.length).toBeGreaterThan(1);
    for (const action of dependents.actions) expect(action.blueprint).toEqual({ key: action.blueprintKey });
  });

  it('reads the blueprints of a whole list in one statement, however many objects name them', async () => {
    const org = newOrg();
    const keys = [uniqueKey('list'), uniqueKey('list'), uniqueKey('list')];
    for (const key of keys) await imported(document(key, org));
    const statements = async (fields: string) => {
      const before = api.queryCount();
      const answer = await api.graphql(`{ painPoints(first: 500) { edges { node { key ${fields} } } } }`);
      expect(answer.errors).toBeUndefined();
      return { count: api.queryCount() - before, nodes: answer.data.painPoints.edges.map((edge: any) => edge.node) };
    };
    const bare = await statements('blueprintKey');
    const named = await statements('blueprintKey blueprint { key name }');
    expect(new Set(named.nodes.map((node: any) => node.blueprintKey)).size).toBeGreaterThanOrEqual(3);
    for (const node of named.nodes) expect(node.blueprint.key).toBe(node.blueprintKey);
    expect(named.nodes.filter((node: any) => keys.includes(node.blueprintKey)).map((node: any) => node.blueprint.name).sort()).toEqual(
      keys.map((key) => `Asks for help ${key}`).sort(),
    );
    expect(named.count - bare.count).toBe(1);
  });

  describe('organisation changes of an import', () => {
    it('lists the existing entries an import renamed or moved, old and new', async () => {
      const org = newOrg();
      const created = await imported(document(uniqueKey('org'), org));
      expect(created.organisationChanges).toEqual([]);
      const changed = await imported(document(uniqueKey('org'), org, { ops: 'Operations & Service', agentDepartment: org.it }));
      expect(changed.created).toBe(true);
      expect(changed.organisationChanges).toEqual([
        { kind: 'DEPARTMENT', key: org.ops, before: { name: 'Operations', department: null }, after: { name: 'Operations & Service', department: null } },
        { kind: 'ROLE', key: org.agent, before: { name: 'Agent', department: org.ops }, after: { name: 'Agent', department: org.it } },
      ]);
      const departments = (await api.graphql(DEPARTMENTS)).data.departments;
      expect(departments.find((d: any) => d.key === org.ops).name).toBe('Operations & Service');
    });

    it('with updateOrganisation false, refuses such an import with CONFLICT naming each change, and writes nothing', async () => {
      const org = newOrg();
      await imported(document(uniqueKey('keep'), org));
      const before = (await api.graphql(DEPARTMENTS)).data.departments;
      const key = uniqueKey('keep');
      const answer = await api.graphql(IMPORT_MANY, {
        documents: [document(key, org, { ops: 'Renamed', agentDepartment: org.it })],
        updateOrganisation: false,
      });
      const [error] = answer.errors!;
      expect(error.extensions!.code).toBe('CONFLICT');
      expect(error.message).toContain(`department "${org.ops}" renamed from "Operations" to "Renamed"`);
      expect(error.message).toContain(`role "${org.agent}" moved from department "${org.ops}" to "${org.it}"`);
      expect(error.extensions!.organisationChanges).toHaveLength(2);
      expect((await api.graphql(DEPARTMENTS)).data.departments).toEqual(before);
      expect((await api.graphql(BLUEPRINT, { key })).data.blueprint).toBeNull();

      // Listed as they are, the same import goes through.
      const unchanged = await api.graphql(IMPORT_MANY, { documents: [document(key, org)], updateOrganisation: false });
      expect(unchanged.errors).toBeUndefined();
      expect(unchanged.data.importBlueprints).toMatchObject([{ created: true, organisationChanges: [] }]);
    });
  });

  describe('importBlueprints', () => {
    it('writes several documents in order in one transaction: a later one may reference what an earlier one lists', async () => {
      const org = newOrg();
      const [first, second] = [uniqueKey('many'), uniqueKey('many')];
      const referencing = { ...document(second, org), departments: null, roles: null, systems: null, processes: null };
      const answer = await api.graphql(IMPORT_MANY, { documents: [document(first, org), referencing] });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.importBlueprints).toEqual([
        { created: true, blueprint: { key: first, version: 1 }, organisationChanges: [] },
        { created: true, blueprint: { key: second, version: 1 }, organisationChanges: [] },
      ]);
    });

    it('writes none when any document is refused, reporting every problem of every document under documents[i]', async () => {
      const org = newOrg();
      const [good, bad, repeated] = [uniqueKey('none'), uniqueKey('none'), uniqueKey('none')];
      const broken = document(bad, org);
      broken.stages[0].steps[0].actions[0].emotion = 7;
      const answer = await api.graphql(IMPORT_MANY, { documents: [document(good, org), broken, document(good, org), { ...document(repeated, org), name: ' ' }] });
      const [error] = answer.errors!;
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      expect((error.extensions!.problems as { path: string }[]).map((p) => p.path).sort()).toEqual([
        'documents[1].stages[0].steps[0].actions[0].emotion',
        'documents[2].key',
        'documents[3].name',
      ]);
      for (const key of [good, bad, repeated]) expect((await api.graphql(BLUEPRINT, { key })).data.blueprint).toBeNull();

      // A refusal that needs the database (a key that exists, in mode CREATE) undoes the documents before it too.
      const existing = uniqueKey('none');
      await imported(document(existing, org));
      const fresh = uniqueKey('none');
      const conflict = await api.graphql(IMPORT_MANY, { documents: [document(fresh, org), document(existing, org)] });
      expect(conflict.errors![0].extensions!.code).toBe('CONFLICT');
      expect((await api.graphql(BLUEPRINT, { key: fresh })).data.blueprint).toBeNull();
    });
  });
});
