import { expectClose } from '../helpers/fixtures';
import { BLUEPRINT_TREE, EXPORT, IMPORT, ROOT_CAUSES } from '../helpers/queries';
import { GraphQLResponse, TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The organisation-wide departments, roles, systems and processes over HTTP
 * against the real Neo4j. The database is shared with the other test files,
 * so every key created here is unique; none of the example's keys is touched.
 */

const UPSERT_DEPARTMENT = `mutation($department: DepartmentInput!) { upsertDepartment(department: $department) { key name } }`;
const UPSERT = {
  role: `mutation($role: RoleInput!) { upsertRole(role: $role) { key name department { key name } } }`,
  system: `mutation($system: SystemInput!) { upsertSystem(system: $system) { key name department { key name } } }`,
  process: `mutation($process: ProcessInput!) { upsertProcess(process: $process) { key name department { key name } } }`,
};
const UPSERT_FIELD = { role: 'upsertRole', system: 'upsertSystem', process: 'upsertProcess' } as const;
type Member = keyof typeof UPSERT;
type Kind = Member | 'department';
const DELETE_FIELD = { department: 'deleteDepartment', role: 'deleteRole', system: 'deleteSystem', process: 'deleteProcess' } as const;
const DELETE = (kind: Kind) => `mutation($key: String!) { ${DELETE_FIELD[kind]}(key: $key) }`;
const BLUEPRINT = `query($key: String!) { blueprint(key: $key) { ${BLUEPRINT_TREE} } }`;

const actionIn = (blueprint: any, key: string): any =>
  blueprint.stages.flatMap((s: any) => s.steps.flatMap((t: any) => t.actions)).find((a: any) => a.key === key);

/**
 * A blueprint that only references the organisation's entries (they must exist):
 *   ca-ask (CUSTOMER) -> fs-answer (role) -> bs-look-up (system) -> sp-rule (process)
 * and one pain point at ca-ask of impact 4 x 0.5 = 2. Under the default
 * retention 0.5: ca-ask passes all 2; fs-answer keeps 1; bs-look-up keeps 0.5;
 * sp-rule, a leaf, keeps 0.5. Each action's share goes to its owners.
 */
function referencingDocument(key: string, refs: { role: string; system: string; process: string; department?: string }) {
  return {
    key,
    name: 'Asks for help',
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
              { key: 'fs-answer', lane: 'FRONTSTAGE', name: 'Answers', role: refs.role, dependsOn: ['bs-look-up'] },
              { key: 'bs-look-up', lane: 'BACKSTAGE', name: 'Looks it up', systems: [refs.system], dependsOn: ['sp-rule'] },
              { key: 'sp-rule', lane: 'SUPPORT', name: 'Rule book', process: refs.process, department: refs.department },
            ],
          },
        ],
      },
    ],
    painPoints: [{ key: 'slow-answer', title: 'Slow answer', action: 'ca-ask', severity: 4, frequency: 0.5 }],
  };
}

describe('the organisation over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const ok = async (query: string, variables: Record<string, unknown>): Promise<any> => {
    const response = await api.graphql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  };
  const refused = async (query: string, variables: Record<string, unknown>, code: string) => {
    const response: GraphQLResponse = await api.graphql(query, variables);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions?.code).toBe(code);
    return response.errors![0];
  };
  const problemPaths = async (query: string, variables: Record<string, unknown>) =>
    (await refused(query, variables, 'BAD_USER_INPUT')).extensions!.problems!.map((p) => p.path);

  const upsertDepartment = async (key: string, name: string) => (await ok(UPSERT_DEPARTMENT, { department: { key, name } })).upsertDepartment;
  const upsert = async (kind: Member, key: string, name: string, department: string) =>
    (await ok(UPSERT[kind], { [kind]: { key, name, department } }))[UPSERT_FIELD[kind]];
  const remove = (kind: Kind, key: string) => api.graphql(DELETE(kind), { key });
  const departments = async (): Promise<{ key: string; name: string }[]> => (await ok('{ departments { key name } }', {})).departments;
  const blueprint = async (key: string) => (await ok(BLUEPRINT, { key })).blueprint;
  const importDocument = async (document: unknown) => (await ok(IMPORT, { document })).importBlueprint;
  const rootCauses = async (blueprintKey: string) => (await ok(ROOT_CAUSES, { blueprintKey })).rootCauses;

  describe('upsertDepartment', () => {
    it('creates a department and renames it, everywhere it shows', async () => {
      const key = uniqueKey('dept');
      expect(await upsertDepartment(key, 'Billing')).toEqual({ key, name: 'Billing' });
      const listed = await departments();
      expect(listed.filter((d) => d.key === key)).toEqual([{ key, name: 'Billing' }]);
      const sortedKeys = listed.map((d) => d.key);
      expect(sortedKeys).toEqual([...sortedKeys].sort());

      // A blueprint whose action names it as its explicit owner.
      const blueprintKey = uniqueKey('org-bp');
      await importDocument({
        key: blueprintKey,
        name: 'Pays',
        stages: [{ key: 's', name: 'S', steps: [{ key: 't', name: 'T', actions: [{ key: 'sp-invoice', lane: 'SUPPORT', name: 'Invoice', department: key }] }] }],
      });
      expect(actionIn(await blueprint(blueprintKey), 'sp-invoice').owners).toEqual([{ key, name: 'Billing' }]);

      expect(await upsertDepartment(key, 'Billing & Payments')).toEqual({ key, name: 'Billing & Payments' });
      expect((await departments()).filter((d) => d.key === key)).toEqual([{ key, name: 'Billing & Payments' }]);
      const action = actionIn(await blueprint(blueprintKey), 'sp-invoice');
      expect(action.owners).toEqual([{ key, name: 'Billing & Payments' }]);
      expect(action.department).toEqual({ key, name: 'Billing & Payments' });
      const exported = (await ok(EXPORT, { key: blueprintKey })).exportBlueprint;
      expect(exported.departments).toEqual([{ key, name: 'Billing & Payments' }]);
    });

    it('refuses invalid keys and blank names, and creates nothing', async () => {
      const badKey = `Bad ${uniqueKey('Dept')}`;
      expect(await problemPaths(UPSERT_DEPARTMENT, { department: { key: badKey, name: 'Bad' } })).toEqual(['department.key']);
      const key = uniqueKey('dept');
      expect(await problemPaths(UPSERT_DEPARTMENT, { department: { key, name: '   ' } })).toEqual(['department.name']);
      expect((await problemPaths(UPSERT_DEPARTMENT, { department: { key: '-leading-dash', name: '' } })).sort()).toEqual([
        'department.key',
        'department.name',
      ]);
      const listed = (await departments()).map((d) => d.key);
      expect(listed).not.toContain(badKey);
      expect(listed).not.toContain(key);
    });
  });

  describe('upsertRole, upsertSystem, upsertProcess', () => {
    it('create members of a department and move them to another; owners and root causes follow', async () => {
      // 'dept-a-…' sorts before 'dept-b-…', which decides the tie below.
      const alpha = uniqueKey('dept-a');
      const beta = uniqueKey('dept-b');
      await upsertDepartment(alpha, 'Alpha');
      await upsertDepartment(beta, 'Beta');
      const role = uniqueKey('role');
      const system = uniqueKey('system');
      const process = uniqueKey('process');
      expect(await upsert('role', role, 'Agent', alpha)).toEqual({ key: role, name: 'Agent', department: { key: alpha, name: 'Alpha' } });
      expect(await upsert('system', system, 'Ledger', alpha)).toEqual({ key: system, name: 'Ledger', department: { key: alpha, name: 'Alpha' } });
      expect(await upsert('process', process, 'Rules', alpha)).toEqual({ key: process, name: 'Rules', department: { key: alpha, name: 'Alpha' } });

      const key = uniqueKey('org-bp');
      const imported = await importDocument(referencingDocument(key, { role, system, process }));
      const A = { key: alpha, name: 'Alpha' };
      const B = { key: beta, name: 'Beta' };
      for (const action of ['fs-answer', 'bs-look-up', 'sp-rule']) expect(actionIn(imported.blueprint, action).owners).toEqual([A]);
      let report = await rootCauses(key);
      expect(report.departments.map((d: any) => [d.rank, d.department.key])).toEqual([[1, alpha]]);
      expectClose(report.departments[0].score, 2);
      expectClose(report.departments[0].share, 1);

      // The role moves (and is renamed): fs-answer's kept 1 goes to Beta.
      expect(await upsert('role', role, 'Senior agent', beta)).toEqual({ key: role, name: 'Senior agent', department: B });
      let read = await blueprint(key);
      expect(actionIn(read, 'fs-answer').role).toEqual({ key: role, name: 'Senior agent', department: B });
      expect(actionIn(read, 'fs-answer').owners).toEqual([B]);
      expect(actionIn(read, 'bs-look-up').owners).toEqual([A]);
      report = await rootCauses(key);
      // Alpha 0.5 + 0.5 = 1, Beta 1: a tie, broken by key.
      expect(report.departments.map((d: any) => [d.rank, d.department.key])).toEqual([[1, alpha], [2, beta]]);
      expectClose(report.departments[0].score, 1);
      expectClose(report.departments[1].score, 1);

      // The system moves: bs-look-up's kept 0.5 goes to Beta too.
      expect(await upsert('system', system, 'Ledger', beta)).toEqual({ key: system, name: 'Ledger', department: B });
      read = await blueprint(key);
      expect(actionIn(read, 'bs-look-up').owners).toEqual([B]);
      expect(actionIn(read, 'bs-look-up').systems).toEqual([{ key: system, name: 'Ledger', department: { key: beta } }]);
      report = await rootCauses(key);
      expect(report.departments.map((d: any) => [d.rank, d.department.key])).toEqual([[1, beta], [2, alpha]]);
      expectClose(report.departments[0].score, 1.5);
      expectClose(report.departments[1].score, 0.5);
      expectClose(report.departments[0].share, 0.75);

      // The process moves: everything is Beta's, and Alpha is no longer named.
      expect(await upsert('process', process, 'Rule book', beta)).toEqual({ key: process, name: 'Rule book', department: B });
      read = await blueprint(key);
      expect(actionIn(read, 'sp-rule').owners).toEqual([B]);
      expect(actionIn(read, 'sp-rule').process).toEqual({ key: process, name: 'Rule book', department: { key: beta } });
      report = await rootCauses(key);
      expect(report.departments.map((d: any) => [d.rank, d.department.key])).toEqual([[1, beta]]);
      expectClose(report.departments[0].score, 2);

      // Upserting with the same department again leaves exactly one department.
      await upsert('role', role, 'Senior agent', beta);
      expect(actionIn(await blueprint(key), 'fs-answer').owners).toEqual([B]);

      const exported = (await ok(EXPORT, { key })).exportBlueprint;
      expect(exported.departments).toEqual([B]);
      expect(exported.roles).toEqual([{ key: role, name: 'Senior agent', department: beta }]);
      expect(exported.systems).toEqual([{ key: system, name: 'Ledger', department: beta }]);
      expect(exported.processes).toEqual([{ key: process, name: 'Rule book', department: beta }]);
    });

    it.each(['role', 'system', 'process'] as Member[])('upsert %s refuses a missing department and invalid keys, and creates nothing', async (kind) => {
      const department = uniqueKey('dept');
      await upsertDepartment(department, 'Present');
      const key = uniqueKey(kind);
      const missing = uniqueKey('no-such-dept');
      const input = (overrides: Record<string, unknown>) => ({ [kind]: { key, name: 'Member', department, ...overrides } });

      expect(await problemPaths(UPSERT[kind], input({ department: missing }))).toEqual([`${kind}.department`]);
      expect(await problemPaths(UPSERT[kind], input({ department: 'Not A Key' }))).toEqual([`${kind}.department`]);
      expect(await problemPaths(UPSERT[kind], input({ key: 'Not A Key' }))).toEqual([`${kind}.key`]);
      expect(await problemPaths(UPSERT[kind], input({ name: ' ' }))).toEqual([`${kind}.name`]);
      // Nothing was created: neither the member nor the missing department.
      await refused(DELETE(kind), { key }, 'NOT_FOUND');
      expect((await departments()).map((d) => d.key)).not.toContain(missing);

      // An existing member stays in its department when a move names a missing one.
      const created = await upsert(kind, key, 'Member', department);
      expect(created.department.key).toBe(department);
      expect(await problemPaths(UPSERT[kind], input({ department: missing, name: 'Renamed' }))).toEqual([`${kind}.department`]);
      expect(await upsert(kind, key, 'Member', department)).toEqual({ key, name: 'Member', department: { key: department, name: 'Present' } });
    });
  });

  describe('deleteDepartment, deleteRole, deleteSystem, deleteProcess', () => {
    it('answer NOT_FOUND for keys that name nothing', async () => {
      for (const kind of ['department', 'role', 'system', 'process'] as Kind[]) {
        const error = await refused(DELETE(kind), { key: uniqueKey(`no-such-${kind}`) }, 'NOT_FOUND');
        expect(error.message).toContain(kind);
      }
    });

    it('answer CONFLICT while in use, and true once unused, after which the entry is gone', async () => {
      const home = uniqueKey('dept');
      const owner = uniqueKey('dept');
      await upsertDepartment(home, 'Home');
      await upsertDepartment(owner, 'Explicit owner');
      const role = uniqueKey('role');
      const system = uniqueKey('system');
      const process = uniqueKey('process');
      await upsert('role', role, 'Agent', home);
      await upsert('system', system, 'Ledger', home);
      await upsert('process', process, 'Rules', home);
      const key = uniqueKey('org-bp');
      // sp-rule names `owner` explicitly; `owner` has no role, system or process.
      await importDocument(referencingDocument(key, { role, system, process, department: owner }));
      const before = await blueprint(key);

      for (const [kind, entry] of [['role', role], ['system', system], ['process', process], ['department', home], ['department', owner]] as [Kind, string][]) {
        const error = await refused(DELETE(kind), { key: entry }, 'CONFLICT');
        expect(error.message).toContain(entry);
      }
      // Refused deletes changed nothing.
      expect(await blueprint(key)).toEqual(before);
      expect((await departments()).map((d) => d.key)).toEqual(expect.arrayContaining([home, owner]));

      // An edit that stops using the role frees it.
      const edited = await api.graphql(
        `mutation($k: String!, $a: ActionChangesInput!) { updateAction(blueprintKey: $k, action: $a) { key } }`,
        { k: key, a: { key: 'fs-answer', role: null } },
      );
      expect(edited.errors).toBeUndefined();
      expect((await remove('role', role)).data).toEqual({ deleteRole: true });
      await refused(DELETE('role'), { key: role }, 'NOT_FOUND');
      // Still in use by the blueprint's actions.
      await refused(DELETE('system'), { key: system }, 'CONFLICT');
      await refused(DELETE('department'), { key: owner }, 'CONFLICT');

      // Deleting the blueprint frees the rest; the organisation's entries stayed until now.
      expect((await ok('mutation($key: String!) { deleteBlueprint(key: $key) }', { key })).deleteBlueprint).toBe(true);
      expect((await remove('department', owner)).data).toEqual({ deleteDepartment: true });
      // Home still has its system and process as members.
      await refused(DELETE('department'), { key: home }, 'CONFLICT');
      expect((await remove('system', system)).data).toEqual({ deleteSystem: true });
      await refused(DELETE('department'), { key: home }, 'CONFLICT');
      expect((await remove('process', process)).data).toEqual({ deleteProcess: true });
      expect((await remove('department', home)).data).toEqual({ deleteDepartment: true });

      // Gone: deleting again, listing, referencing and joining all tell so.
      for (const [kind, entry] of [['system', system], ['process', process], ['department', home], ['department', owner]] as [Kind, string][]) {
        await refused(DELETE(kind), { key: entry }, 'NOT_FOUND');
      }
      const listed = (await departments()).map((d) => d.key);
      expect(listed).not.toContain(home);
      expect(listed).not.toContain(owner);
      expect(await problemPaths(UPSERT.role, { role: { key: role, name: 'Agent', department: home } })).toEqual(['role.department']);
      const again = await problemPaths(IMPORT, { document: referencingDocument(key, { role, system, process }) });
      expect(again.sort()).toEqual([
        'document.stages[0].steps[0].actions[1].role',
        'document.stages[0].steps[0].actions[2].systems[0]',
        'document.stages[0].steps[0].actions[3].process',
      ]);
    });

    it('deletes an unused department right away', async () => {
      const key = uniqueKey('dept');
      await upsertDepartment(key, 'Short-lived');
      expect((await remove('department', key)).data).toEqual({ deleteDepartment: true });
      expect((await departments()).map((d) => d.key)).not.toContain(key);
    });
  });
});
