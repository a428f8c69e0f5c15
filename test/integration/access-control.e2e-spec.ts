import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLField, GraphQLObjectType, getNamedType, isLeafType } from 'graphql';
import { loadConfig } from '../../src/config/app-config';
import { exampleDocument } from '../helpers/fixtures';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';
import { runCypher } from '../helpers/cypher';


const KEYS = { viewer: `viewer-${'v'.repeat(24)}`, designer: `designer-${'d'.repeat(24)}`, admin: `admin-${'a'.repeat(24)}` };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A mutation with every argument passed as a variable: valid as a document, so that only the role decides. */
function operationFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

describe('access control with API keys', () => {
  let api: TestApp;
  let mutations: GraphQLField<unknown, unknown>[];
  const key = uniqueKey('acl');

  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: Object.entries(KEYS).map(([role, k]) => `${role}:${k}`).join(',') });
    api = await startTestApp({ serving: { security, logging } });
    const schema = api.app.get(GraphQLSchemaHost).schema;
    mutations = Object.values((schema.getMutationType() as GraphQLObjectType).getFields());
    const created = await api.graphql(IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' }, bearer(KEYS.designer));
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  const ADMIN_ONLY = ['deleteBlueprint', 'deleteDepartment', 'deleteRole', 'deleteSystem', 'deleteProcess'];

  it('refuses every mutation without a key, with a wrong key, and below its role, before any database call', async () => {
    expect(mutations.length).toBeGreaterThanOrEqual(27);
    const before = await api.graphql(EXPORT, { key }, bearer(KEYS.viewer));
    const queriesBefore = api.queryCount();
    const outcomes: string[] = [];
    for (const field of mutations) {
      const query = operationFor(field);
      const tries: [string, Record<string, string>, string][] = [
        ['no key', {}, 'UNAUTHENTICATED'],
        ['a wrong key', bearer(`${KEYS.admin}-wrong`), 'UNAUTHENTICATED'],
        ['a viewer key', bearer(KEYS.viewer), 'FORBIDDEN'],
      ];
      if (ADMIN_ONLY.includes(field.name)) tries.push(['a designer key', bearer(KEYS.designer), 'FORBIDDEN']);
      for (const [who, headers, code] of tries) {
        const { errors, data } = await api.graphql(query, { blueprintKey: key, key }, headers);
        outcomes.push(`${field.name} with ${who}: ${errors?.[0]?.extensions?.code}${data ? ' with data' : ''}`);
        expect(errors?.[0]?.extensions?.code).toBe(code);
      }
    }
    expect(outcomes.filter((line) => !/(UNAUTHENTICATED|FORBIDDEN)$/.test(line))).toEqual([]);
    expect(api.queryCount()).toBe(queriesBefore);
    expect(await api.graphql(EXPORT, { key }, bearer(KEYS.viewer))).toEqual(before);
  });

  it('answers 401 with a challenge, and 403, as HTTP statuses', async () => {
    const post = (headers: Record<string, string>, query: string) =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const unauthenticated = await post({}, '{ blueprints { key } }');
    expect(unauthenticated.status).toBe(401);
    // Two header lines (fetch joins them): a browser offers its sign-in only for a Basic challenge of its own.
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Basic realm="Blueprint Graph", Bearer realm="Blueprint Graph"');
    const forbidden = await post(bearer(KEYS.viewer), `mutation { deleteBlueprint(key: "${key}") }`);
    expect(forbidden.status).toBe(403);
    const body = await forbidden.json();
    expect(body.errors[0].message).toMatch(/needs the role admin; the key API_KEYS #1 \(viewer\) has the role viewer/);
    expect(JSON.stringify(body)).not.toContain(KEYS.viewer);
  });

  it('a document mixing allowed and forbidden mutations runs none of them', async () => {
    const other = uniqueKey('acl');
    const queriesBefore = api.queryCount();
    const { errors, data } = await api.graphql(
      `mutation($document: BlueprintDocumentInput!) { importBlueprint(document: $document) { created } deleteBlueprint(key: "${key}") }`,
      { document: exampleDocument(other) },
      bearer(KEYS.designer),
    );
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(data).toBeUndefined();
    expect(api.queryCount()).toBe(queriesBefore);
    expect((await api.graphql(EXPORT, { key: other }, bearer(KEYS.admin))).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('each role may do what it is for', async () => {
    expect((await api.graphql('{ blueprints { key } }', {}, bearer(KEYS.viewer))).errors).toBeUndefined();
    const designerEdit = await api.graphql(
      'mutation($key: String!) { renameStage(blueprintKey: $key, key: "notice", name: "Noticing") { key } }',
      { key },
      bearer(KEYS.designer),
    );
    expect(designerEdit.errors).toBeUndefined();
    const department = uniqueKey('dept');
    const adminUpsert = await api.graphql(
      'mutation($d: DepartmentInput!) { upsertDepartment(department: $d) { key } }',
      { d: { key: department, name: 'Audit' } },
      bearer(KEYS.admin),
    );
    expect(adminUpsert.errors).toBeUndefined();
  });

  it('lets a designer add departments, roles, systems and processes, and only an admin change one', async () => {
    const p = uniqueKey('org-acl');
    const upsert = {
      department: 'mutation($e: DepartmentInput!) { upsertDepartment(department: $e) { key name } }',
      role: 'mutation($e: RoleInput!) { upsertRole(role: $e) { key name department { key } } }',
      system: 'mutation($e: SystemInput!) { upsertSystem(system: $e) { key name department { key } } }',
      process: 'mutation($e: ProcessInput!) { upsertProcess(process: $e) { key name department { key } } }',
    };
    const as = (who: keyof typeof KEYS, kind: keyof typeof upsert, e: Record<string, string>) => api.graphql(upsert[kind], { e }, bearer(KEYS[who]));
    expect((await as('designer', 'department', { key: `${p}-a`, name: 'Alpha' })).errors).toBeUndefined();
    expect((await as('designer', 'department', { key: `${p}-b`, name: 'Beta' })).errors).toBeUndefined();
    for (const kind of ['role', 'system', 'process'] as const) {
      expect((await as('designer', kind, { key: `${p}-${kind}`, name: 'Made', department: `${p}-a` })).errors).toBeUndefined();
      // The same again changes nothing, and is no change to refuse.
      expect((await as('designer', kind, { key: `${p}-${kind}`, name: 'Made', department: `${p}-a` })).errors).toBeUndefined();
      const moved = await as('designer', kind, { key: `${p}-${kind}`, name: 'Made', department: `${p}-b` });
      expect(moved.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(moved.errors?.[0].message).toContain(`its department from "${p}-a" to "${p}-b" needs the role admin`);
      expect((await as('admin', kind, { key: `${p}-${kind}`, name: 'Moved', department: `${p}-b` })).data).toMatchObject({});
    }
    const renamed = await as('designer', 'department', { key: `${p}-a`, name: 'Alpha & Omega' });
    expect(renamed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(renamed.errors?.[0].message).toContain(`its name from "Alpha" to "Alpha & Omega"`);
    const { data } = await api.graphql('{ departments { key name } roles { key name department { key } } }', {}, bearer(KEYS.viewer));
    expect(data.departments.find((d: any) => d.key === `${p}-a`).name).toBe('Alpha');
    expect(data.roles.find((r: any) => r.key === `${p}-role`)).toEqual({ key: `${p}-role`, name: 'Moved', department: { key: `${p}-b` } });
  });

  it('takes the key as the password of Basic, so a browser can open the pages', async () => {
    const basic = { authorization: `Basic ${Buffer.from(`anyone:${KEYS.viewer}`).toString('base64')}` };
    expect((await api.graphql('{ blueprints { key } }', {}, basic)).errors).toBeUndefined();
  });

  it('leaves /health open', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
  });
});

describe('organisation-wide entries in a designer import', () => {
  let api: TestApp;
  const org = uniqueKey('org');
  const document = (key: string, overrides: { itName?: string; crmDepartment?: string } = {}) => ({
    key,
    name: 'Org test',
    departments: [
      { key: `${org}-it`, name: overrides.itName ?? 'IT' },
      { key: `${org}-sales`, name: 'Sales' },
    ],
    systems: [{ key: `${org}-crm`, name: 'CRM', department: overrides.crmDepartment ?? `${org}-it` }],
    stages: [{ key: 's', name: 'S', steps: [{ key: 't', name: 'T', actions: [{ key: 'a', lane: 'SUPPORT', name: 'A', systems: [`${org}-crm`] }] }] }],
  });
  const organisation = async () =>
    runCypher(
      api,
      `MATCH (s:System {key: $crm})-[:OWNED_BY]->(d:Department) MATCH (it:Department {key: $it}) RETURN it.name AS itName, d.key AS crmDepartment`,
      { crm: `${org}-crm`, it: `${org}-it` },
    );

  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: Object.entries(KEYS).map(([role, k]) => `${role}:${k}`).join(',') });
    api = await startTestApp({ serving: { security, logging } });
    // A designer may create entries and reference or relist existing ones as they are.
    const created = await api.graphql(IMPORT_KEY, { document: document(uniqueKey('first')), mode: 'CREATE' }, bearer(KEYS.designer));
    expect(created.errors).toBeUndefined();
    const relisted = await api.graphql(IMPORT_KEY, { document: document(uniqueKey('second')), mode: 'CREATE' }, bearer(KEYS.designer));
    expect(relisted.errors).toBeUndefined();
  });
  afterAll(() => api.close());

  it.each<[string, { itName?: string; crmDepartment?: string }, RegExp]>([
    ['renames a department', { itName: 'Technology' }, /department "org-[0-9a-f]+-it" renamed from "IT" to "Technology"/],
    ['moves a system to another department', { crmDepartment: 'sales' }, /system "org-[0-9a-f]+-crm" moved from department "org-[0-9a-f]+-it" to "org-[0-9a-f]+-sales"/],
  ])('a designer import that %s is FORBIDDEN, names the entries, and writes nothing', async (_, change, message) => {
    const before = await organisation();
    const overrides = { ...change, crmDepartment: change.crmDepartment ? `${org}-${change.crmDepartment}` : undefined };
    const key = uniqueKey('change');
    const answer = await api.graphql(IMPORT_KEY, { document: document(key, overrides), mode: 'CREATE' }, bearer(KEYS.designer));
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(message) });
    expect(answer.errors?.[0].extensions?.organisationChanges).toHaveLength(1);
    expect(await organisation()).toEqual(before);
    expect((await api.graphql(EXPORT, { key }, bearer(KEYS.viewer))).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('an admin import may rename and move them', async () => {
    const overrides = { itName: 'Technology', crmDepartment: `${org}-sales` };
    const answer = await api.graphql(IMPORT_KEY, { document: document(uniqueKey('admin'), overrides), mode: 'CREATE' }, bearer(KEYS.admin));
    expect(answer.errors).toBeUndefined();
    expect(await organisation()).toEqual([{ itName: 'Technology', crmDepartment: `${org}-sales` }]);
  });
});
