import { exampleDocument } from '../helpers/fixtures';
import { BLUEPRINT_TREE, EXPORT, IMPORT } from '../helpers/queries';
import { Driver } from 'neo4j-driver';
import { NEO4J_DRIVER } from '../../src/database/database.tokens';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

describe('blueprints over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const importDocument = async (document: unknown, mode = 'CREATE') => api.graphql(IMPORT, { document, mode });
  const exportDocument = async (key: string) => (await api.graphql(EXPORT, { key })).data?.exportBlueprint;

  it('imports a document and reads it back in document order', async () => {
    const key = uniqueKey('bp');
    const { data, errors } = await importDocument(exampleDocument(key));
    expect(errors).toBeUndefined();
    expect(data.importBlueprint.created).toBe(true);
    const blueprint = data.importBlueprint.blueprint;
    expect(blueprint.stages.map((s: any) => s.key)).toEqual(['notice', 'report', 'repair', 'resolve']);
    const drop = blueprint.stages[2].steps[0];
    expect(drop.evidence).toEqual(['Service point entrance', "Guard's desk"]);
    expect(drop.actions.map((a: any) => a.key)).toEqual(['ca-drop-off', 'fs-guard', 'fs-intake', 'bs-diagnosis']);
    const orderSync = blueprint.stages[1].steps[0].actions[3];
    expect(orderSync.systems.map((s: any) => s.key)).toEqual(['erp', 'web-shop']);
    expect(orderSync.owners.map((d: any) => d.key)).toEqual(['ecommerce', 'it']);
    const orderPart = blueprint.stages[2].steps[1].actions[2];
    expect(orderPart.dependsOn.map((a: any) => a.key)).toEqual(['sp-replenish', 'bs-diagnosis']);
    const guard = blueprint.painPoints.find((p: any) => p.key === 'guard-rude');
    expect(guard).toMatchObject({ severity: 3, frequency: 0.2, category: 'OTHER', action: { key: 'ca-drop-off' }, causes: [{ key: 'fs-guard' }], blueprintKey: key });
    expect(guard.impact).toBeCloseTo(0.6, 12);

    const read = await api.graphql(`query($key: String!) { blueprint(key: $key) { ${BLUEPRINT_TREE} } }`, { key });
    expect(read.data.blueprint).toEqual(blueprint);
  });

  it('exports a document that recreates the blueprint and exports the same again', async () => {
    const key = uniqueKey('bp');
    await importDocument(exampleDocument(key));
    const first = await exportDocument(key);
    expect(first.departments.map((d: any) => d.key)).toEqual([
      'customer-service', 'ecommerce', 'facilities', 'field-service', 'it', 'logistics', 'quality',
    ]);
    expect((await api.graphql('mutation($key: String!) { deleteBlueprint(key: $key) }', { key })).data.deleteBlueprint).toBe(true);
    const again = await importDocument(first);
    expect(again.errors).toBeUndefined();
    expect(again.data.importBlueprint.created).toBe(true);
    expect(await exportDocument(key)).toEqual(first);
  });

  it('answers CONFLICT for CREATE on an existing key, and REPLACE replaces', async () => {
    const key = uniqueKey('bp');
    await importDocument(exampleDocument(key));
    const conflict = await importDocument(exampleDocument(key));
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');

    const smaller = exampleDocument(key);
    smaller.name = 'Shorter';
    smaller.stages = smaller.stages.slice(0, 1);
    smaller.painPoints = smaller.painPoints.slice(0, 1);
    const replaced = await importDocument(smaller, 'REPLACE');
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data.importBlueprint.created).toBe(false);
    expect(replaced.data.importBlueprint.blueprint.name).toBe('Shorter');
    expect(replaced.data.importBlueprint.blueprint.stages).toHaveLength(1);
    const exported = await exportDocument(key);
    expect(exported.stages.flatMap((s: any) => s.steps.flatMap((t: any) => t.actions))).toHaveLength(3);
  });

  it('REPLACE moves, changes and removes nodes by key, and leaves none behind', async () => {
    const key = uniqueKey('bp');
    await importDocument(exampleDocument(key));
    const changed = exampleDocument(key);
    const [first, second] = changed.stages;
    // An action moves to another stage's step, a stage goes, a step and a pain point change.
    const moved = second.steps[0].actions.pop();
    first.steps[0].actions.push(moved);
    changed.stages.splice(3, 1);
    first.steps[0].name = 'Renamed step';
    const removedKeys = new Set(
      exampleDocument(key).stages[3].steps.flatMap((t: any) => t.actions.map((a: any) => a.key)),
    );
    const dropReferences = (keys: string[] | undefined) => keys?.filter((k) => !removedKeys.has(k));
    for (const stage of changed.stages)
      for (const step of stage.steps)
        for (const action of step.actions) action.dependsOn = dropReferences(action.dependsOn);
    changed.painPoints = changed.painPoints
      .filter((p: any) => !removedKeys.has(p.action))
      .map((p: any) => ({ ...p, causes: dropReferences(p.causes) }));
    changed.painPoints[0].severity = 1;

    const replaced = await importDocument(changed, 'REPLACE');
    expect(replaced.errors).toBeUndefined();
    // The same document imported fresh under another key is what REPLACE must give.
    const freshKey = uniqueKey('bp');
    expect((await importDocument({ ...changed, key: freshKey })).errors).toBeUndefined();
    expect(await exportDocument(key)).toEqual({ ...(await exportDocument(freshKey)), key });

    // Every node of the blueprint, with the relationships at each end: nothing stale may remain.
    // (Its history differs: the replaced one has two versions.)
    const footprint = async (k: string) => {
      const { records } = await api.app.get<Driver>(NEO4J_DRIVER).executeQuery(
        `MATCH (n {blueprintKey: $k}) WHERE NOT n:BlueprintVersion
         RETURN labels(n)[0] + ' ' + n.key + ' in ' + COUNT { (n)<--() } + ' out ' + COUNT { (n)-->() } AS node ORDER BY node`,
        { k },
        { database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j' },
      );
      return records.map((record) => record.get('node'));
    };
    const nodes = await footprint(key);
    expect(nodes.filter((node) => node.startsWith('Action '))).toHaveLength(
      changed.stages.flatMap((stage: any) => stage.steps.flatMap((step: any) => step.actions)).length,
    );
    expect(nodes).toEqual(await footprint(freshKey));
  });

  it('leaves the old blueprint untouched when a REPLACE is rejected', async () => {
    const key = uniqueKey('bp');
    await importDocument(exampleDocument(key));
    const before = await exportDocument(key);
    const broken = exampleDocument(key);
    broken.name = 'Changed';
    broken.stages[0].steps[0].actions[0].dependsOn = ['no-such-action'];
    const rejected = await importDocument(broken, 'REPLACE');
    expect(rejected.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await exportDocument(key)).toEqual(before);
  });

  it('reports every problem of a document with its path, and writes nothing', async () => {
    const key = uniqueKey('bp');
    const document = exampleDocument(key);
    const newDepartment = uniqueKey('dept');
    document.departments.push({ key: newDepartment, name: 'Never written' });
    const actions = document.stages[1].steps[0].actions;
    actions[2].dependsOn = ['bs-order-lookup']; // itself
    actions[1].emotion = 2; // frontstage
    actions[0].dependsOn = ['fs-agent', 'fs-agent']; // repeated
    actions[3].systems = ['erp', 'no-such-system'];
    document.stages[0].key = 'report'; // duplicate stage key
    document.painPoints[0].severity = 6;
    document.painPoints[1].frequency = 0;
    document.painPoints[2].causes = ['nowhere'];
    document.roles[0].department = 'no-such-department';
    document.stages[2].steps[0].name = '   ';
    document.stages[2].steps[1].actions[0].key = 'Not A Key';

    const { errors, data } = await importDocument(document);
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const problems = errors![0].extensions!.problems!;
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'document.painPoints[0].severity',
        'document.painPoints[1].frequency',
        'document.stages[2].steps[0].name',
        'document.stages[2].steps[1].actions[0].key',
        'document.stages[1].key',
        'document.stages[1].steps[0].actions[0].dependsOn[1]',
        'document.stages[1].steps[0].actions[1].emotion',
        'document.stages[1].steps[0].actions[2].dependsOn[0]',
        'document.stages[1].steps[0].actions[3].systems[1]',
        'document.painPoints[2].causes[0]',
        'document.painPoints[3].action', // it named ca-wait, whose key is now invalid
        'document.roles[0].department',
      ].sort(),
    );
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(5);
    expect((await api.graphql('query($key: String!) { blueprint(key: $key) { key } }', { key })).data.blueprint).toBeNull();
    const departments = (await api.graphql('{ departments { key } }')).data.departments.map((d: any) => d.key);
    expect(departments).not.toContain(newDepartment);
  });

  it('refuses references to organisation keys that exist nowhere, and accepts ones that exist', async () => {
    const first = exampleDocument(uniqueKey('bp'));
    await importDocument(first);
    const second = exampleDocument(uniqueKey('bp'));
    // The second document names the organisation's entries without listing them.
    delete second.departments;
    delete second.roles;
    delete second.systems;
    delete second.processes;
    const imported = await importDocument(second);
    expect(imported.errors).toBeUndefined();
  });

  it('stores names full of quotes, Cypher and Unicode as plain text', async () => {
    const key = uniqueKey('bp');
    const document = exampleDocument(key);
    const nasty = `Robert'); MATCH (n) DETACH DELETE n; // "quoted" \\ \`back\` {$key} — zażółć 東京 🚚`;
    document.name = nasty;
    document.stages[0].name = nasty;
    document.stages[0].steps[0].actions[0].description = nasty;
    const { errors } = await importDocument(document);
    expect(errors).toBeUndefined();
    const exported = await exportDocument(key);
    expect(exported.name).toBe(nasty);
    expect(exported.stages[0].name).toBe(nasty);
    expect(exported.stages[0].steps[0].actions[0].description).toBe(nasty);
    expect((await api.graphql('{ blueprints { key } }')).data.blueprints.length).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND and null for keys that name nothing', async () => {
    const missing = uniqueKey('missing');
    expect((await api.graphql('mutation($k: String!) { deleteBlueprint(key: $k) }', { k: missing })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.graphql(EXPORT, { key: missing })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.graphql('query($k: String!) { blueprint(key: $k) { key } }', { k: missing })).data.blueprint).toBeNull();
  });

  it('reads nested blueprints in two driver queries per root field: the contents, then a check of their revisions', async () => {
    await importDocument(exampleDocument(uniqueKey('bp')));
    const before = api.queryCount();
    const { errors } = await api.graphql(`{ blueprints { ${BLUEPRINT_TREE} } }`);
    expect(errors).toBeUndefined();
    expect(api.queryCount() - before).toBe(2);
  });

  it('deletes a blueprint and keeps the organisation-wide nodes', async () => {
    const key = uniqueKey('bp');
    const document = exampleDocument(key);
    const department = uniqueKey('dept');
    document.departments.push({ key: department, name: 'Stays' });
    document.stages[0].steps[0].actions[2].department = department;
    await importDocument(document);
    expect((await api.graphql('mutation($key: String!) { deleteBlueprint(key: $key) }', { key })).data.deleteBlueprint).toBe(true);
    const departments = (await api.graphql('{ departments { key name } }')).data.departments;
    expect(departments).toContainEqual({ key: department, name: 'Stays' });
  });
});
