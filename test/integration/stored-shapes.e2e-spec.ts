import { shapeOfContents, shapeOfRows } from '../../src/blueprints/blueprint-shape';
import { documentToRows } from '../../src/blueprints/document-rows';
import { Neo4jExecutor } from '../../src/database/executor';
import { exampleDocument } from '../helpers/fixtures';
import { EXPORT, IMPORT_KEY, mutationOf } from '../helpers/queries';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * A read knows it saw one whole version by the shape stored with it (counts
 * and a checksum of every part, src/blueprints/blueprint-shape.ts). So after
 * every kind of write, the stored shape must be what the blueprint's contents
 * show when read, and what its whole document gives: an edit that moved it
 * wrongly would make every later read of that blueprint retry until it fails.
 */
describe('the shape every write stores', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const contentsRow = async (key: string) => {
    const [row] = await api.app.get(Neo4jExecutor).read((runner) => runner.run(['blueprints-by-key', 'blueprint-contents'], { keys: [key] }));
    return row;
  };

  /** The stored shape, the shape of the contents read, and the shape of the exported document. */
  const shapes = async (key: string) => {
    const row = await contentsRow(key);
    const { exportBlueprint } = await dataOf(api, EXPORT, { key });
    return { stored: (row.shape as number[]).map(Number), read: shapeOfContents(row), whole: shapeOfRows(documentToRows(exportBlueprint)) };
  };

  it('equals what the contents show after every edit, a restore and a replace', async () => {
    const key = uniqueKey('shapes');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    const edits: [string, string, Record<string, unknown>][] = [
      ['updateBlueprint', '$key: String!, $properties: BlueprintPropertiesInput!', { key, properties: { name: 'Renamed', description: 'Now described', persona: { name: 'Pat' } } }],
      [
        'addStage',
        '$blueprintKey: String!, $stage: StageInput!, $position: Int',
        { stage: { key: 'extra', name: 'Extra', steps: [{ key: 'extra-step', name: 'Extra step', actions: [{ key: 'x-a', lane: 'CUSTOMER', name: 'Asks', emotion: -1 }] }] } },
      ],
      ['renameStage', '$blueprintKey: String!, $key: String!, $name: String!', { key: 'report', name: 'Reporting' }],
      ['moveStage', '$blueprintKey: String!, $key: String!, $position: Int!', { key: 'extra', position: 0 }],
      ['addStep', '$blueprintKey: String!, $stageKey: String!, $step: StepInput!, $position: Int', { stageKey: 'extra', step: { key: 'extra-2', name: 'Second', actions: [] } }],
      ['updateStep', '$blueprintKey: String!, $key: String!, $name: String, $evidence: [String!]', { key: 'extra-2', name: 'Second step', evidence: ['a receipt', 'a form'] }],
      ['moveStep', '$blueprintKey: String!, $key: String!, $stageKey: String!, $position: Int', { key: 'extra-2', stageKey: 'notice', position: 0 }],
      [
        'addAction',
        '$blueprintKey: String!, $stepKey: String!, $action: ActionInput!, $position: Int',
        { stepKey: 'extra-step', action: { key: 'x-b', lane: 'BACKSTAGE', name: 'Looks up', role: 'hotline-agent', systems: ['crm'], dependsOn: ['bs-order-lookup'] } },
      ],
      ['updateAction', '$blueprintKey: String!, $action: ActionChangesInput!', { action: { key: 'x-b', name: 'Looks it up', description: 'In the CRM', systems: ['crm', 'erp'] } }],
      ['moveAction', '$blueprintKey: String!, $key: String!, $stepKey: String!, $position: Int', { key: 'x-b', stepKey: 'call-hotline', position: 1 }],
      ['addDependency', '$blueprintKey: String!, $from: String!, $to: String!', { from: 'x-a', to: 'x-b' }],
      ['addPainPoint', '$blueprintKey: String!, $painPoint: PainPointInput!', { painPoint: { key: 'pp-x', title: 'Waits', action: 'x-a', severity: 2 } }],
      ['updatePainPoint', '$blueprintKey: String!, $painPoint: PainPointChangesInput!', { painPoint: { key: 'pp-x', title: 'Waits long', frequency: 0.5, causes: ['x-b'] } }],
      ['removeDependency', '$blueprintKey: String!, $from: String!, $to: String!', { from: 'x-a', to: 'x-b' }],
      ['removePainPoint', '$blueprintKey: String!, $key: String!', { key: 'pp-x' }],
      ['removeAction', '$blueprintKey: String!, $key: String!', { key: 'x-b' }],
      ['removeStep', '$blueprintKey: String!, $key: String!', { key: 'extra-2' }],
      ['removeStage', '$blueprintKey: String!, $key: String!', { key: 'extra' }],
      ['restoreBlueprint', '$key: String!, $version: Int!', { key, version: 3 }],
    ];
    const first = await shapes(key);
    expect(first.stored).toHaveLength(9);
    expect(first.read).toEqual(first.stored);
    expect(first.whole).toEqual(first.stored);
    let before = first.stored;
    for (const [name, signature, values] of edits) {
      await dataOf(api, mutationOf(name, signature, 'version'), { blueprintKey: key, ...values });
      const after = await shapes(key);
      // Positions are left out of the checksum: a move within its parent changes no other field.
      const changed = name !== 'moveStage';
      expect({ name, ...after, changed: after.stored[8] !== before[8] }).toEqual({ name, stored: after.stored, read: after.stored, whole: after.stored, changed });
      before = after.stored;
    }
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'REPLACE' });
    const replaced = await shapes(key);
    expect(replaced.read).toEqual(replaced.stored);
    expect(replaced.stored).toEqual(first.stored.map((entry, i) => (i === 8 ? replaced.stored[8] : entry)));
  });

  it('tells a read of parts of two versions from either version', async () => {
    const key = uniqueKey('two-versions');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    const row = await contentsRow(key);
    const stored = (row.shape as number[]).map(Number);
    const actions = row.actions as Record<string, unknown>[];
    // The same counts, one action's name from another version.
    const torn = { ...row, actions: actions.map((action, i) => (i === 3 ? { ...action, name: `${action.name} (v2)` } : action)) };
    expect(shapeOfContents(torn).slice(0, 8)).toEqual(stored.slice(0, 8));
    expect(shapeOfContents(torn)[8]).not.toEqual(stored[8]);
  });
});
