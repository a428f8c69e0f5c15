import { BlueprintsService } from '../../src/blueprints/blueprints.service';
import { exampleWithOwnOrganisation } from '../helpers/fixtures';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The newest documents an instance keeps for the pages it draws
 * (history/newest-documents.ts), against the graph: after every kind of edit
 * made through it or through another instance, and after the blueprint was
 * deleted and made again elsewhere, the document a page redraws from must be
 * the blueprint as the database holds it.
 */

const parts = ({ name, description, state, persona, stages, painPoints }: any) => ({ name, description, state, persona, stages, painPoints });

/** The own parts of a document with the optional fields a document leaves out made explicit, as export gives them. */
const canonical = (document: any) =>
  JSON.parse(
    JSON.stringify(parts(document), (field, value) => (value === undefined ? null : value)),
  );

describe('the newest documents an instance keeps for its pages', () => {
  let drawer: TestApp;
  let other: TestApp;
  const org = uniqueKey('newest');
  const key = uniqueKey('newest');

  beforeAll(async () => {
    [drawer, other] = [await startTestApp(), await startTestApp()];
  });
  afterAll(async () => {
    await Promise.all([drawer.close(), other.close()]);
  });

  /** What the drawing instance redraws from, and the blueprint as the database holds it (read through the other). */
  const expectDrawnAsStored = async () => {
    const drawn = await drawer.app.get(BlueprintsService).newestVersion(key);
    const stored = (await dataOf(other, EXPORT, { key })).exportBlueprint;
    expect(canonical(drawn.document)).toEqual(canonical(stored));
    const { version } = (await dataOf(other, 'query($key: String!) { blueprint(key: $key) { version } }', { key })).blueprint;
    expect(drawn.version).toBe(version);
    const roles = (document: any) => (document.roles ?? []).map((role: any) => role.key).sort();
    expect(roles(drawn.document)).toEqual(roles(stored));
  };

  it('redraws every kind of edit as the graph holds it, made here or through another instance', async () => {
    await dataOf(drawer, IMPORT_KEY, { document: exampleWithOwnOrganisation(key, org), mode: 'CREATE' });
    await expectDrawnAsStored();
    const edits: [TestApp, string][] = [
      [drawer, `updateBlueprint(key: $k, properties: { description: "kept" }) { version }`],
      [drawer, `addStage(blueprintKey: $k, stage: { key: "after", name: "After", steps: [{ key: "survey", name: "Survey", actions: [] }] }) { version }`],
      [drawer, `renameStage(blueprintKey: $k, key: "after", name: "Afterwards") { version }`],
      [drawer, `moveStage(blueprintKey: $k, key: "after", position: 0) { version }`],
      [drawer, `updateStep(blueprintKey: $k, key: "survey", evidence: ["e-mail"]) { version }`],
      [drawer, `addAction(blueprintKey: $k, stepKey: "survey", action: { key: "ca-answer", lane: CUSTOMER, name: "Answers", dependsOn: ["fs-hand-over"] }) { version }`],
      // The only action of its role moves to another role: the role drops out of the document.
      [drawer, `updateAction(blueprintKey: $k, action: { key: "fs-guard", role: "${org}-service-technician" }) { version }`],
      [drawer, `moveAction(blueprintKey: $k, key: "ca-answer", stepKey: "pick-up", position: 0) { version }`],
      [other, `renameStage(blueprintKey: $k, key: "repair", name: "Repair, elsewhere") { version }`],
      [drawer, `addDependency(blueprintKey: $k, from: "ca-answer", to: "fs-status") { version }`],
      [drawer, `addPainPoint(blueprintKey: $k, painPoint: { key: "long-survey", title: "Long survey", action: "ca-answer", causes: ["fs-hand-over"], severity: 1 }) { version }`],
      [drawer, `updatePainPoint(blueprintKey: $k, painPoint: { key: "guard-rude", causes: null }) { version }`],
      [drawer, `removePainPoint(blueprintKey: $k, key: "long-survey") { version }`],
      [drawer, `removeAction(blueprintKey: $k, key: "ca-answer") { version }`],
      [drawer, `moveStep(blueprintKey: $k, key: "survey", stageKey: "resolve") { version }`],
      [drawer, `removeStep(blueprintKey: $k, key: "survey") { version }`],
      [drawer, `removeStage(blueprintKey: $k, key: "after") { version }`],
      [drawer, `restoreBlueprint(key: $k, version: 3) { version }`],
    ];
    for (const [through, edit] of edits) {
      await dataOf(through, `mutation($k: String!) { ${edit} }`, { k: key });
      await expectDrawnAsStored();
    }
  });

  it('does not redraw a blueprint deleted and made again elsewhere, at the same version, from what it kept of the old one', async () => {
    const remake = async (name: string) => {
      await dataOf(other, 'mutation($k: String!) { deleteBlueprint(key: $k) }', { k: key });
      await dataOf(other, IMPORT_KEY, { document: { ...exampleWithOwnOrganisation(key, org), name }, mode: 'CREATE' });
    };
    await remake('Made again');
    await expectDrawnAsStored();
    // Version 1 again, a moment later: what the drawer kept of the last version 1 is not this one.
    await remake('Made once more');
    await expectDrawnAsStored();
    expect((await drawer.app.get(BlueprintsService).newestVersion(key)).document.name).toBe('Made once more');
  });
});
