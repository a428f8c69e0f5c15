import { runCypher } from '../helpers/cypher';
import { exampleDocument } from '../helpers/fixtures';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * An edit writes what it changed, on the real Neo4j: the nodes and
 * relationships it does not touch keep their identity, and the result reads
 * back as the whole edited document. Blueprints stored before positions
 * counted within their parent are renumbered once, in their order.
 */

const RELATIONSHIPS = `
MATCH (b:Blueprint {key: $key})-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(:Step)-[:HAS_ACTION]->(a:Action)-[r]->()
RETURN a.key AS action, collect(elementId(r)) AS ids`;

/** Every relationship of a blueprint's own nodes, in or out, by identity. */
const ALL_RELATIONSHIPS = `
MATCH (n {blueprintKey: $key})-[r]-()
WHERE n:Stage OR n:Step OR n:Action OR n:PainPoint
RETURN DISTINCT elementId(r) AS id ORDER BY id`;

describe('edits that write what they change', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const relationshipsOf = async (key: string) =>
    new Map((await runCypher(api, RELATIONSHIPS, { key })).map((row) => [row.action as string, [...(row.ids as string[])].sort()]));

  it('leaves the relationships of the actions an edit does not change as they were', async () => {
    const key = uniqueKey('incremental');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    const before = await relationshipsOf(key);
    await dataOf(
      api,
      'mutation($b: String!) { addAction(blueprintKey: $b, stepKey: "call-hotline", action: { key: "fs-callback", lane: FRONTSTAGE, name: "Calls back", role: "hotline-agent", dependsOn: ["bs-order-lookup"] }) { version } }',
      { b: key },
    );
    await dataOf(api, 'mutation($b: String!) { renameStage(blueprintKey: $b, key: "report", name: "Reporting") { version } }', { b: key });
    const after = await relationshipsOf(key);
    expect(after.get('fs-callback')).toHaveLength(2);
    after.delete('fs-callback');
    expect(after).toEqual(before);

    // What is stored reads back as the document with both edits made.
    const expected = exampleDocument(key);
    const step = expected.stages[1].steps[0];
    expected.stages[1].name = 'Reporting';
    step.actions.push({ key: 'fs-callback', lane: 'FRONTSTAGE', name: 'Calls back', role: 'hotline-agent', dependsOn: ['bs-order-lookup'] });
    const { exportBlueprint } = await dataOf(api, EXPORT, { key });
    expect(exportBlueprint.stages.map((s: any) => s.name)).toEqual(expected.stages.map((s: any) => s.name));
    expect(exportBlueprint.stages[1].steps[0].actions.map((a: any) => a.key)).toEqual(step.actions.map((a: any) => a.key));
    expect(exportBlueprint.stages[1].steps[0].actions[4]).toMatchObject({ key: 'fs-callback', role: 'hotline-agent', dependsOn: ['bs-order-lookup'] });
  });

  it('sets what an edit renames, retitles or reorders in place: every relationship of the blueprint stays', async () => {
    const key = uniqueKey('in-place');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    const before = await runCypher(api, ALL_RELATIONSHIPS, { key });
    const { exportBlueprint: stored } = await dataOf(api, EXPORT, { key });
    const call = stored.stages[1].steps[0].actions[0];
    const edits: [string, Record<string, unknown>][] = [
      ['mutation($b: String!, $a: ActionChangesInput!) { updateAction(blueprintKey: $b, action: $a) { version } }', { a: { ...call, name: 'Rings the hotline', channel: null, touchpoint: null } }],
      ['mutation($b: String!) { moveAction(blueprintKey: $b, key: "bs-diagnosis", stepKey: "drop-off", position: 0) { version } }', {}],
      ['mutation($b: String!) { updateStep(blueprintKey: $b, key: "wait-part", name: "Waiting for the part", evidence: []) { version } }', {}],
      ['mutation($b: String!) { moveStage(blueprintKey: $b, key: "resolve", position: 0) { version } }', {}],
    ];
    for (const [mutation, variables] of edits) await dataOf(api, mutation, { b: key, ...variables });
    expect(await runCypher(api, ALL_RELATIONSHIPS, { key })).toEqual(before);

    const { exportBlueprint: after } = await dataOf(api, EXPORT, { key });
    expect(after.stages.map((s: any) => s.key)).toEqual(['resolve', 'notice', 'report', 'repair']);
    const [dropOff, waitPart] = after.stages[3].steps;
    expect(after.stages[2].steps[0].actions[0]).toEqual({ ...call, name: 'Rings the hotline', channel: null, touchpoint: null });
    expect(dropOff.actions.map((a: any) => a.key)).toEqual(['bs-diagnosis', 'ca-drop-off', 'fs-guard', 'fs-intake']);
    expect([waitPart.name, waitPart.evidence]).toEqual(['Waiting for the part', []]);
  });

  it('edits a blueprint written before versions were kept, from the graph, the same way', async () => {
    const key = uniqueKey('unversioned');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    await runCypher(api, 'MATCH (v:BlueprintVersion {blueprintKey: $key}) DETACH DELETE v', { key });
    const before = await relationshipsOf(key);
    const { renameStage } = await dataOf(api, 'mutation($b: String!) { renameStage(blueprintKey: $b, key: "report", name: "Reporting") { version stages { name } } }', {
      b: key,
    });
    expect(renameStage.version).toBe(2);
    expect(renameStage.stages.map((s: any) => s.name)[1]).toBe('Reporting');
    expect(await relationshipsOf(key)).toEqual(before);
    const { blueprintVersions } = await dataOf(api, 'query($k: String!) { blueprintVersions(key: $k) { version operation } }', { k: key });
    expect(blueprintVersions).toEqual([{ version: 2, operation: 'renameStage' }]);
  });

  it('renumbers a blueprint stored with positions across it once, keeping its order', async () => {
    const key = uniqueKey('positions');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    const { exportBlueprint: before } = await dataOf(api, EXPORT, { key });
    // As written before positions counted within their parent: steps and actions numbered across the blueprint.
    await runCypher(
      api,
      `MATCH (b:Blueprint {key: $key})-[:HAS_STAGE]->(s:Stage)-[:HAS_STEP]->(t:Step)-[:HAS_ACTION]->(a:Action)
       WITH b, s, t, a ORDER BY s.position, t.position, a.position
       WITH b, collect(DISTINCT t) AS steps, collect(a) AS actions
       FOREACH (i IN range(0, size(steps) - 1) | FOREACH (t IN [steps[i]] | SET t.position = 100 + i))
       FOREACH (i IN range(0, size(actions) - 1) | FOREACH (a IN [actions[i]] | SET a.position = 100 + i))
       REMOVE b.positionsWithinParent`,
      { key },
    );
    const restarted = await startTestApp();
    try {
      const positions = await runCypher(
        restarted,
        `MATCH (:Blueprint {key: $key})-[:HAS_STAGE]->(:Stage)-[:HAS_STEP]->(t:Step)-[:HAS_ACTION]->(a:Action)
         WITH t, a ORDER BY a.position RETURN t.key AS step, collect(a.position) AS positions`,
        { key },
      );
      for (const row of positions) expect(row.positions.map(Number)).toEqual(row.positions.map((_: unknown, i: number) => i));
      expect((await dataOf(restarted, EXPORT, { key })).exportBlueprint).toEqual(before);
    } finally {
      await restarted.close();
    }
  });
});
