import { Driver } from 'neo4j-driver';
import { Browser, Locator, Page } from 'playwright-core';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { NEO4J_DRIVER } from '../../src/database/database.tokens';
import { launchChromium, screenshot, watchErrors } from '../helpers/browser';
import { exampleDocument } from '../helpers/fixtures';
import { EXPORT } from '../helpers/queries';
import { TestApp, dataOf, startTestApp } from '../helpers/test-app';

/**
 * A fresh install, in Chromium: the after-sales example built from an empty
 * list with the page alone (the blueprint, every stage, step and action, the
 * organisation's entries made on the spot, the dependencies drawn by choosing
 * cards, the pain points with their causes), by the controls' accessible
 * names; then exported through the API, it is the example document.
 */

const example = exampleDocument('after-sales-repair');
type Entry = { key: string; name: string; department?: string };

describe('the after-sales example, built in the browser from an empty list', () => {
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let version = 0;

  beforeAll(async () => {
    api = await startTestApp();
    // Empty, as on a fresh machine: nothing of the other tests' blueprints or organisation.
    const session = api.app.get<Driver>(NEO4J_DRIVER).session({ database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j' });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const dialog = (name?: string) => (name ? page.getByRole('dialog', { name }) : page.getByRole('dialog'));
  const field = (scope: Locator, label: string) => scope.getByLabel(label, { exact: true });
  /** Saves the open edit and waits until the grid shows the version it made. */
  const saveEdit = async () => {
    await dialog().getByRole('button', { name: 'Save', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    version += 1;
    await page.waitForSelector(`#root-causes[data-version="${version}"]`);
  };
  const card = (key: string) => page.locator(`g.bp-cards g.bp-card[data-action="${key}"]`);

  /** Chooses an entry of a single-choice list by typing its name into the list's search box. */
  const choose = async (scope: Locator, fieldName: string, name: string) => {
    const box = scope.locator(`.field[data-field="${fieldName}"]`).getByRole('searchbox', { name: 'Search' });
    await box.fill(name);
    await box.press('Enter');
  };

  const departments = new Map<string, string>(example.departments.map((d: Entry) => [d.key, d.name]));
  const made = new Set<string>();
  /** Makes an organisation entry with the list field's "New …" button, unless this build made it already. */
  const makeEntry = async (scope: Locator, kind: 'department' | 'role' | 'system' | 'process', entry: Entry) => {
    if (made.has(`${kind}:${entry.key}`)) return;
    made.add(`${kind}:${entry.key}`);
    await scope.getByRole('button', { name: `New ${kind}` }).click();
    const inner = dialog(`New ${kind}`);
    await field(inner, 'Name').fill(entry.name);
    await field(inner, 'Key').fill(entry.key);
    if (entry.department) await field(inner, 'Department').selectOption(entry.department);
    await inner.getByRole('button', { name: 'Save' }).click();
    await inner.waitFor({ state: 'detached' });
  };
  const entryOf = (list: Entry[], key: string) => list.find((e) => e.key === key)!;

  it('builds the example with the page alone, and the API exports the example document', async () => {
    await page.goto(api.url);
    expect(await page.textContent('body')).toContain('No blueprints yet');

    await page.getByRole('button', { name: 'New blueprint' }).click();
    await field(dialog(), 'Name').fill(example.name);
    await field(dialog(), 'Key').fill(example.key);
    await field(dialog(), 'Description').fill(example.description);
    await field(dialog(), 'State').selectOption(example.state);
    await field(dialog(), 'Persona').fill(example.persona.name);
    await field(dialog(), 'About the persona').fill(example.persona.description);
    await dialog().getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(`${api.url}/blueprints/${example.key}`);
    version = 1;
    await page.waitForSelector('#root-causes[data-version="1"]');
    await page.getByRole('button', { name: 'Edit blueprint' }).click();

    for (const stage of example.stages) {
      const [first, ...more] = stage.steps;
      await page.getByRole('button', { name: 'Add stage' }).click();
      await field(dialog(), 'Name').fill(stage.name);
      await field(dialog(), 'Key').fill(stage.key);
      await field(dialog(), 'First step').fill(first.name);
      await field(dialog(), 'First step key').fill(first.key);
      await saveEdit();
      await page.locator(`.edit-layer button.edit-step[data-step="${first.key}"]`).click();
      await field(dialog(), 'Evidence (one per line)').fill(first.evidence.join('\n'));
      await saveEdit();
      for (const step of more) {
        await page.locator(`.edit-layer button.add-step[data-stage="${stage.key}"]`).click();
        await field(dialog(), 'Name').fill(step.name);
        await field(dialog(), 'Key').fill(step.key);
        await field(dialog(), 'Evidence (one per line)').fill(step.evidence.join('\n'));
        await saveEdit();
      }
    }

    let firstAction = true;
    for (const stage of example.stages) {
      for (const step of stage.steps) {
        for (const action of step.actions) {
          await page.locator(`.edit-layer button.add-action[data-step="${step.key}"]`).click();
          const form = dialog();
          if (firstAction) {
            // Every department first, made on the spot from the first action's form; the action itself has none.
            for (const [key, name] of departments) await makeEntry(form, 'department', { key, name });
            await field(form, 'Department').selectOption('');
            firstAction = false;
          }
          await field(form, 'Name').fill(action.name);
          await field(form, 'Key').fill(action.key);
          await field(form, 'Lane').selectOption(action.lane);
          if (action.channel) await field(form, 'Channel').selectOption(action.channel);
          if (action.touchpoint) await field(form, 'Touchpoint').fill(action.touchpoint);
          if (action.emotion !== undefined) await field(form, 'Emotion').fill(String(action.emotion));
          if (action.role) {
            const role = entryOf(example.roles, action.role);
            await makeEntry(form, 'role', role);
            await choose(form, 'role', role.name);
          }
          if (action.department) await choose(form, 'department', departments.get(action.department)!);
          if (action.process) {
            const process = entryOf(example.processes, action.process);
            await makeEntry(form, 'process', process);
            await choose(form, 'process', process.name);
          }
          if (action.systems) {
            for (const key of action.systems) await makeEntry(form, 'system', entryOf(example.systems, key));
            await field(form, 'Systems').selectOption(action.systems);
          }
          await saveEdit();
        }
      }
    }

    // Each dependency drawn by choosing the card it goes to, in the order the example lists them.
    for (const action of example.stages.flatMap((s: any) => s.steps.flatMap((t: any) => t.actions))) {
      for (const to of action.dependsOn ?? []) {
        await card(action.key).click();
        await dialog().getByRole('button', { name: 'Add dependency' }).click();
        await card(to).click();
        version += 1;
        await page.waitForSelector(`#root-causes[data-version="${version}"]`);
      }
    }

    for (const pain of example.painPoints) {
      await card(pain.action).click();
      await dialog().getByRole('button', { name: 'Add pain point' }).click();
      await field(dialog(), 'Title').fill(pain.title);
      await field(dialog(), 'Key').fill(pain.key);
      await field(dialog(), 'Severity').fill(String(pain.severity));
      await field(dialog(), 'Frequency').fill(String(pain.frequency));
      await field(dialog(), 'Category').selectOption(pain.category);
      if (pain.causes) await field(dialog(), 'Causes').selectOption(pain.causes);
      await saveEdit();
    }
    await screenshot(page, 'example-built');

    const { exportBlueprint } = await dataOf(api, EXPORT, { key: example.key });
    expect(canonicalDocument(exportBlueprint)).toEqual(canonicalDocument(example));
    expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
  });
});
