import { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/app-config';
import { launchChromium, screenshot, watchErrors } from '../helpers/browser';
import { repairCurrent } from '../helpers/hand-worked';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { EDIT_TO_REDRAW } from '../../src/web/client/editor';
import { dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * Editing a blueprint where it is drawn, in Chromium, by the controls'
 * accessible names only: every edit through the page, the result read back
 * through the API. Problems show at their fields, a stale edit is explained
 * and kept, undo and redo restore, and a viewer gets no controls.
 */

const VERSION = 'query($key: String!) { blueprint(key: $key) { version } }';

describe('the blueprint editor, in Chromium', () => {
  let api: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    api = await startTestApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterEach(() => {
    expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
    errors.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const dialog = () => page.getByRole('dialog');
  const save = async () => {
    await dialog().getByRole('button', { name: 'Save', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  };
  const versionShown = (version: number) => page.waitForSelector(`#root-causes[data-version="${version}"]`);

  it('builds a blueprint from the list page with the page alone, and the API reads it back', async () => {
    const suffix = uniqueKey('x').slice(2);
    await page.goto(api.url);
    await page.getByRole('button', { name: 'New blueprint' }).click();
    await dialog().getByLabel('Name').fill(`Bike repair ${suffix}`);
    expect(await dialog().getByLabel('Key').inputValue()).toBe(`bike-repair-${suffix}`);
    await dialog().getByLabel('State').selectOption('FUTURE');
    await dialog().getByLabel('Persona', { exact: true }).fill('Commuter');
    await dialog().getByRole('button', { name: 'Create' }).click();
    const key = `bike-repair-${suffix}`;
    await page.waitForURL(`${api.url}/blueprints/${key}`);
    await versionShown(1);

    await page.getByRole('button', { name: 'Edit blueprint' }).click();
    await page.getByRole('button', { name: 'Add stage' }).click();
    await dialog().getByLabel('Name').fill('Report');
    await dialog().getByLabel('First step', { exact: true }).fill('Call the shop');
    await save();
    await versionShown(2);
    await page.locator('.edit-layer button.add-step[data-stage="report"]').click();
    await dialog().getByLabel('Name').fill('Drop off');
    await dialog().getByLabel('Evidence (one per line)').fill('Shop counter\nReceipt');
    await save();
    await versionShown(3);

    // A customer action, then a staff action whose department is made on the spot.
    await page.locator('.edit-layer button.add-action[data-step="call-the-shop"]').click();
    await dialog().getByLabel('Name').fill('Calls the shop');
    await dialog().getByLabel('Emotion').fill('-2');
    await dialog().getByLabel('Channel').selectOption('PHONE');
    await save();
    await versionShown(4);
    await page.locator('.edit-layer button.add-action[data-step="call-the-shop"]').click();
    await dialog().first().getByLabel('Name').fill('Answers the phone');
    await dialog().getByLabel('Lane').selectOption('FRONTSTAGE');
    await dialog().getByRole('button', { name: 'New department' }).click();
    const inner = page.getByRole('dialog', { name: 'New department' });
    await inner.getByLabel('Name').fill(`Workshop ${suffix}`);
    await inner.getByRole('button', { name: 'Save' }).click();
    await inner.waitFor({ state: 'detached' });
    const department = `workshop-${suffix}`;
    expect(await dialog().getByLabel('Department').inputValue()).toBe(department);
    await save();
    await versionShown(5);

    // A dependency drawn by choosing the card, and a pain point on the customer's card.
    await page.click('g.bp-cards g.bp-card[data-action="calls-the-shop"]');
    await dialog().getByRole('button', { name: 'Add dependency' }).click();
    await page.click('g.bp-cards g.bp-card[data-action="answers-the-phone"]');
    await page.waitForSelector('path.bp-edge[data-from="calls-the-shop"][data-to="answers-the-phone"]', { state: 'attached' });
    await page.click('g.bp-cards g.bp-card[data-action="calls-the-shop"]');
    await dialog().getByRole('button', { name: 'Add pain point' }).click();
    await dialog().getByLabel('Title').fill('Nobody answers');
    await dialog().getByLabel('Severity').fill('4');
    await dialog().getByLabel('Frequency').fill('0.5');
    await dialog().getByLabel('Category').selectOption('SUPPORT');
    await dialog().getByLabel('Causes').selectOption('answers-the-phone');
    await save();
    await versionShown(7);
    await screenshot(page, 'editor-built');

    const { exportBlueprint } = await dataOf(api, EXPORT, { key });
    expect(exportBlueprint).toMatchObject({
      key,
      name: `Bike repair ${suffix}`,
      state: 'FUTURE',
      persona: { name: 'Commuter' },
      departments: [{ key: department, name: `Workshop ${suffix}` }],
      stages: [
        {
          key: 'report',
          name: 'Report',
          steps: [
            {
              key: 'call-the-shop',
              name: 'Call the shop',
              evidence: [],
              actions: [
                { key: 'calls-the-shop', lane: 'CUSTOMER', name: 'Calls the shop', channel: 'PHONE', emotion: -2, dependsOn: ['answers-the-phone'] },
                { key: 'answers-the-phone', lane: 'FRONTSTAGE', name: 'Answers the phone', department, dependsOn: [] },
              ],
            },
            { key: 'drop-off', name: 'Drop off', evidence: ['Shop counter', 'Receipt'], actions: [] },
          ],
        },
      ],
      painPoints: [
        { key: 'nobody-answers', title: 'Nobody answers', action: 'calls-the-shop', causes: ['answers-the-phone'], severity: 4, frequency: 0.5, category: 'SUPPORT' },
      ],
    });

    // Undo takes the pain point away, redo brings it back; the keyboard does the same.
    await page.getByRole('button', { name: 'Undo' }).click();
    await versionShown(8);
    expect(await page.$$('g.bp-pain')).toHaveLength(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await versionShown(9);
    expect(await page.$$('g.bp-pain')).toHaveLength(1);
    await page.locator('body').press('Control+z');
    await versionShown(10);
    expect(await page.$$('g.bp-pain')).toHaveLength(0);
    await page.locator('body').press('Control+Shift+z');
    await versionShown(11);
    expect((await dataOf(api, EXPORT, { key })).exportBlueprint.painPoints.map((p: any) => p.key)).toEqual(['nobody-answers']);

    // Removing an arrow, after a confirmation that names it.
    page.once('dialog', (confirm) => {
      expect(confirm.message()).toBe('Remove the dependency: “Calls the shop” depends on “Answers the phone”?');
      void confirm.accept();
    });
    await page.dispatchEvent('path.bp-edge[data-from="calls-the-shop"]', 'click');
    await versionShown(12);
    expect(await page.$('path.bp-edge[data-from="calls-the-shop"]')).toBeNull();
  });

  it('shows a problem at its field and writes nothing; a stale edit is explained and kept', async () => {
    const p = `${uniqueKey('ed')}-`;
    const key = `${p}bp`;
    await dataOf(api, IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await page.goto(`${api.url}/blueprints/${key}`);
    await versionShown(1);
    await page.getByRole('button', { name: 'Edit blueprint' }).click();

    // Emotion belongs to customer actions: the answer points at the field, the dialog stays, nothing is written.
    await page.click('g.bp-cards g.bp-card[data-action="f1"]');
    await dialog().getByLabel('Emotion').fill('2');
    await dialog().getByRole('button', { name: 'Save', exact: true }).click();
    const hint = dialog().locator('.field[data-field="emotion"] .problem');
    await hint.waitFor();
    expect(await hint.textContent()).toMatch(/CUSTOMER/);
    expect(await dialog().getByLabel('Emotion').getAttribute('aria-invalid')).toBe('true');
    expect((await dataOf(api, VERSION, { key })).blueprint.version).toBe(1);
    await dialog().getByRole('button', { name: 'Cancel' }).click();

    // Someone else renames the stage and takes the action's dependency away while the form is open: Save is
    // refused and says so, the input stays; saving again applies the form's change over theirs, which stays.
    await page.click('g.bp-cards g.bp-card[data-action="f1"]');
    await dialog().getByLabel('Name').fill('Answers at once');
    await dataOf(api, 'mutation($b: String!) { renameStage(blueprintKey: $b, key: "s1", name: "Reporting") { version } }', { b: key });
    await dataOf(api, 'mutation($b: String!) { removeDependency(blueprintKey: $b, from: "f1", to: "b1") { version } }', { b: key });
    await versionShown(3);
    await dialog().getByRole('button', { name: 'Save', exact: true }).click();
    const problem = dialog().locator('.dialog-problem');
    await problem.filter({ hasText: 'Someone else changed this blueprint' }).waitFor();
    expect(await problem.textContent()).toContain('version 2: renameStage');
    expect(await problem.textContent()).toContain('version 3: removeDependency');
    expect(await dialog().getByLabel('Name').inputValue()).toBe('Answers at once');
    await save();
    await versionShown(4);
    const { exportBlueprint } = await dataOf(api, EXPORT, { key });
    expect(exportBlueprint.stages[0].name).toBe('Reporting');
    expect(exportBlueprint.stages[0].steps[0].actions[1]).toMatchObject({ name: 'Answers at once', dependsOn: [] });

    // By keyboard: Enter on a focused card opens it, Enter saves, and focus is back on the card of the redrawn grid.
    await page.focus('g.bp-cards g.bp-card[data-action="c1"]');
    await page.keyboard.press('Enter');
    await dialog().getByLabel('Name').fill('Calls the hotline');
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    await versionShown(5);
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset?.action === 'c1');
    // "Add dependency", then the card chosen by keyboard.
    await page.keyboard.press('Enter');
    await dialog().getByRole('button', { name: 'Add dependency' }).click();
    await page.focus('g.bp-cards g.bp-card[data-action="b1"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('path.bp-edge[data-from="c1"][data-to="b1"]', { state: 'attached' });
    await versionShown(6);

    // Hostile names stay text.
    await page.click('g.bp-cards g.bp-card[data-action="b1"]');
    await dialog().getByLabel('Name').fill('<img src=x onerror=alert(1)>');
    await save();
    await versionShown(7);
    expect(await page.$('#canvas img')).toBeNull();
    expect(await page.textContent('g.bp-card[data-action="b1"] text.bp-card-name')).toContain('<img');
  });
  it("undoes this page's own edits, one after another, and refuses once someone else has changed the blueprint", async () => {
    const p = `${uniqueKey('undo')}-`;
    const key = `${p}bp`;
    await dataOf(api, IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await page.goto(`${api.url}/blueprints/${key}`);
    await versionShown(1);
    await page.getByRole('button', { name: 'Edit blueprint' }).click();
    const names = async () => (await dataOf(api, EXPORT, { key })).exportBlueprint.stages[0].steps[0].actions.map((a: any) => a.name);
    const original = await names();
    for (const [card, name, version] of [['c1', 'One', 2], ['f1', 'Two', 3]] as const) {
      await page.click(`g.bp-cards g.bp-card[data-action="${card}"]`);
      await dialog().getByLabel('Name').fill(name);
      await save();
      await versionShown(version);
    }
    await page.getByRole('button', { name: 'Undo' }).click();
    await versionShown(4);
    await page.getByRole('button', { name: 'Undo' }).click();
    await versionShown(5);
    expect(await names()).toEqual(original);
    await page.getByRole('button', { name: 'Redo' }).click();
    await versionShown(6);
    expect(await names()).toEqual(['One', ...original.slice(1)]);

    // Someone else's change since: undoing would take it back too, so it is refused and says so.
    await dataOf(api, 'mutation($b: String!) { renameStage(blueprintKey: $b, key: "s1", name: "Reporting") { version } }', { b: key });
    await versionShown(7);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('#status').filter({ hasText: 'someone else changed the blueprint since' }).waitFor();
    const { exportBlueprint } = await dataOf(api, EXPORT, { key });
    expect([exportBlueprint.stages[0].name, exportBlueprint.stages[0].steps[0].actions[0].name]).toEqual(['Reporting', 'One']);
    expect((await dataOf(api, VERSION, { key })).blueprint.version).toBe(7);
  });

  it('removes an arrow by keyboard, says what blocks a removal, reorders a step, and keeps number and key problems at their fields', async () => {
    const p = `${uniqueKey('ed-keys')}-`;
    const key = `${p}bp`;
    const document = { ...repairCurrent(p), key };
    document.stages[0].steps.push({ key: 't2', name: 'Look up', actions: [] });
    await dataOf(api, IMPORT_KEY, { document, mode: 'CREATE' });
    await page.goto(`${api.url}/blueprints/${key}`);
    await versionShown(1);
    await page.getByRole('button', { name: 'Edit blueprint' }).click();

    // An arrow is reached by Tab and removed by Delete, after a confirmation that names it.
    const arrow = page.getByRole('button', { name: 'Dependency: “Answers” depends on “Looks up”; Enter or Delete removes it' });
    await arrow.focus();
    page.once('dialog', (confirm) => {
      expect(confirm.message()).toBe('Remove the dependency: “Answers” depends on “Looks up”?');
      void confirm.accept();
    });
    await page.keyboard.press('Delete');
    await versionShown(2);
    expect(await page.$('path.bp-edge[data-from="f1"][data-to="b1"]')).toBeNull();

    // A step whose action has a pain point: Delete says so at once, asks nothing and writes nothing.
    let asked = false;
    const ask = () => (asked = true);
    page.on('dialog', ask);
    await page.locator('.edit-layer button.edit-step[data-step="t1"]').click();
    await dialog().getByRole('button', { name: 'Delete' }).click();
    expect(await dialog().locator('.dialog-problem').textContent()).toBe(
      'This step cannot be deleted yet: the pain point “Long wait” occurs at its actions. Move or delete it first.',
    );
    expect(asked).toBe(false);
    page.off('dialog', ask);
    await dialog().getByRole('button', { name: 'Cancel' }).click();

    // A step moves within its stage by its position.
    await page.locator('.edit-layer button.edit-step[data-step="t2"]').click();
    await dialog().getByLabel('Position in its stage').fill('1');
    await save();
    await versionShown(3);
    expect((await dataOf(api, EXPORT, { key })).exportBlueprint.stages[0].steps.map((t: any) => t.key)).toEqual(['t2', 't1']);

    // An emotion of 1.5 is said at its field before anything is sent.
    await page.click('g.bp-cards g.bp-card[data-action="c1"]');
    await dialog().getByLabel('Emotion').fill('1.5');
    await dialog().getByRole('button', { name: 'Save', exact: true }).click();
    expect(await dialog().locator('.field[data-field="emotion"] .problem').textContent()).toBe('must be a whole number');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    expect((await dataOf(api, VERSION, { key })).blueprint.version).toBe(3);

    // A new blueprint under a key that is taken: said at the Key field.
    await page.goto(api.url);
    await page.getByRole('button', { name: 'New blueprint' }).click();
    await dialog().getByLabel('Name', { exact: true }).fill('Another');
    await dialog().getByLabel('Key', { exact: true }).fill(key);
    await dialog().getByRole('button', { name: 'Create' }).click();
    const hint = dialog().locator('.field[data-field="key"] .problem');
    await hint.filter({ hasText: 'has this key already' }).waitFor();
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  });

  it("chooses a pain point's causes by clicking cards, and by keyboard; Esc keeps them as they were", async () => {
    const p = `${uniqueKey('causes')}-`;
    const key = `${p}bp`;
    await dataOf(api, IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await page.goto(`${api.url}/blueprints/${key}`);
    await versionShown(1);
    await page.getByRole('button', { name: 'Edit blueprint' }).click();
    const causes = async () => (await dataOf(api, EXPORT, { key })).exportBlueprint.painPoints[0].causes;

    await page.click('g.bp-pain[data-pain="p1"]');
    await dialog().getByRole('button', { name: 'Choose causes on the grid' }).click();
    expect(await page.$('dialog')).toBeNull();
    // The card where it occurs cannot be its own cause; the others toggle.
    await page.click('g.bp-cards g.bp-card[data-action="b1"]');
    await page.click('g.bp-cards g.bp-card[data-action="f1"]');
    await page.click('g.bp-cards g.bp-card[data-action="c1"]');
    expect(await page.getAttribute('g.bp-card[data-action="f1"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('g.bp-card[data-action="c1"]', 'aria-pressed')).toBeNull();
    await page.getByRole('button', { name: 'Save causes' }).click();
    await versionShown(2);
    expect(await causes()).toEqual(['f1', 'b1']);
    expect(await page.$('g.bp-card.cause-chosen')).toBeNull();

    // By keyboard: focus a card, Enter takes it out; Save causes writes it.
    await page.click('g.bp-pain[data-pain="p1"]');
    await dialog().getByRole('button', { name: 'Choose causes on the grid' }).click();
    expect(await page.getAttribute('g.bp-card[data-action="b1"]', 'aria-pressed')).toBe('true');
    await page.focus('g.bp-cards g.bp-card[data-action="f1"]');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('g.bp-card[data-action="f1"]', 'aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Save causes' }).focus();
    await page.keyboard.press('Enter');
    await versionShown(3);
    expect(await causes()).toEqual(['b1']);

    // Esc ends choosing and writes nothing.
    await page.click('g.bp-pain[data-pain="p1"]');
    await dialog().getByRole('button', { name: 'Choose causes on the grid' }).click();
    await page.click('g.bp-cards g.bp-card[data-action="f1"]');
    await page.keyboard.press('Escape');
    expect(await page.$('.choose-causes')).toBeNull();
    expect((await dataOf(api, VERSION, { key })).blueprint.version).toBe(3);
    expect(await causes()).toEqual(['b1']);
  });

  it('moves a card by dragging it to another step and lane, and draws a dependency by dragging its handle', async () => {
    const p = `${uniqueKey('drag')}-`;
    const key = `${p}bp`;
    await dataOf(api, IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await dataOf(api, 'mutation($b: String!) { addStep(blueprintKey: $b, stageKey: "s1", step: { key: "t2", name: "Look up", actions: [] }) { version } }', { b: key });
    await page.goto(`${api.url}/blueprints/${key}`);
    await versionShown(2);
    await page.getByRole('button', { name: 'Edit blueprint' }).click();
    const card = (await page.locator('g.bp-cards g.bp-card[data-action="b1"]').boundingBox())!;
    const target = await page.evaluate(() => {
      const box = document.querySelector('svg.bp-svg')!.getBoundingClientRect();
      const step = document.querySelector<HTMLElement>('.drop-step[data-step="t2"]')!.dataset;
      const lane = document.querySelector<HTMLElement>('.drop-lane[data-lane="SUPPORT"]')!.dataset;
      return { x: box.left + Number(step.left) + 60, y: box.top + Number(lane.top) + 30 };
    });
    await page.mouse.move(card.x + 20, card.y + 10);
    await page.mouse.down();
    await page.mouse.move(card.x + 60, card.y + 40, { steps: 4 });
    await page.mouse.move(target.x, target.y, { steps: 6 });
    await page.mouse.up();
    await versionShown(4);
    expect(await page.$('dialog')).toBeNull();
    const { exportBlueprint } = await dataOf(api, EXPORT, { key });
    const [t1, t2] = exportBlueprint.stages[0].steps;
    expect(t1.actions.map((a: any) => a.key)).toEqual(['c1', 'f1']);
    expect(t2.actions).toMatchObject([{ key: 'b1', lane: 'SUPPORT' }]);
    expect(await page.getAttribute('g.bp-card[data-action="b1"]', 'data-lane')).toBe('SUPPORT');

    // Dragging a card's handle onto another card draws a dependency; the card itself stays where it is.
    const handle = (await page.locator('.edit-layer .connect[data-action="c1"]').boundingBox())!;
    const onto = (await page.locator('g.bp-cards g.bp-card[data-action="b1"]').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto.x + 10, onto.y + 10, { steps: 5 });
    await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 3 });
    await page.mouse.up();
    await versionShown(5);
    await page.waitForSelector('path.bp-edge[data-from="c1"][data-to="b1"]', { state: 'attached' });
    expect(await page.$('dialog')).toBeNull();
    const after = (await dataOf(api, EXPORT, { key })).exportBlueprint.stages[0].steps;
    expect(after[0].actions).toMatchObject([{ key: 'c1', lane: 'CUSTOMER', dependsOn: ['f1', 'b1'] }, { key: 'f1' }]);
  });

  it('redraws an edit of a 500-action blueprint without a reload, and says how long it took', async () => {
    const p = `${uniqueKey('big')}-`;
    const key = `${p}bp`;
    const fiveHundred = {
      key,
      name: 'Five hundred actions',
      departments: [{ key: `${p}ops`, name: 'Operations' }],
      stages: Array.from({ length: 10 }, (_, s) => ({
        key: `s${s}`,
        name: `Stage ${s}`,
        steps: Array.from({ length: 5 }, (_, t) => ({
          key: `s${s}t${t}`,
          name: `Step ${s}.${t}`,
          actions: Array.from({ length: 10 }, (_, a) => ({
            key: `s${s}t${t}a${a}`,
            lane: ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'][a % 4],
            name: `Action ${s}.${t}.${a}`,
            ...(a % 4 === 0 ? {} : { department: `${p}ops` }),
            dependsOn: a < 9 ? [`s${s}t${t}a${a + 1}`] : [],
          })),
        })),
      })),
      painPoints: [{ key: 'p1', title: 'Slow', action: 's0t0a0', severity: 3 }],
    };
    await dataOf(api, IMPORT_KEY, { document: fiveHundred, mode: 'CREATE' });
    await page.goto(`${api.url}/blueprints/${key}`);
    await versionShown(1);
    await page.getByRole('button', { name: 'Edit blueprint' }).click();
    const names = Array.from({ length: 8 }, (_, i) => `Renamed ${i + 1}`);
    for (const [i, name] of names.entries()) {
      await page.click('g.bp-cards g.bp-card[data-action="s0t0a1"]');
      await dialog().getByLabel('Name').fill(name);
      await dialog().getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForFunction((n) => document.querySelector('g.bp-card[data-action="s0t0a1"] text.bp-card-name')?.textContent === n, name);
      await versionShown(2 + i);
    }
    // The page's own measure of each edit, from its request until the grid shows the version it made, and the
    // two requests inside it (the editing mutation, then the parts of the new version).
    const measures = await page.evaluate((name) => {
      const requests = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return performance.getEntriesByName(name).map((m) => {
        const within = (suffix: string) => requests.find((r) => r.name.endsWith(suffix) && r.startTime >= m.startTime && r.responseEnd <= m.startTime + m.duration);
        return { ms: m.duration, version: (m as PerformanceMeasure).detail.version, mutation: within('/graphql')?.duration, parts: within('/parts')?.duration };
      });
    }, EDIT_TO_REDRAW);
    expect(measures.map((m) => m.version)).toEqual(names.map((_, i) => 2 + i));
    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
    const warm = measures.slice(1);
    console.log(
      `edit to redraw on a 500-action blueprint: ${measures.map((m) => Math.round(m.ms)).join(', ')} ms; after the first (which warms the server) ` +
        `median ${median(warm.map((m) => m.ms))} ms = mutation ${median(warm.map((m) => m.mutation!))} + parts ${median(warm.map((m) => m.parts!))} + drawing`,
    );
  });
});

describe('the editor with API keys, in Chromium', () => {
  const KEYS = { viewer: `viewer-${'v'.repeat(24)}`, designer: `designer-${'d'.repeat(24)}` };
  let api: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: Object.entries(KEYS).map(([role, k]) => `${role}:${k}`).join(',') });
    api = await startTestApp({ serving: { security, logging } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows a viewer no edit controls and refuses a viewer\u2019s forged edit', async () => {
    const p = `${uniqueKey('view')}-`;
    const key = `${p}bp`;
    const created = await api.graphql(IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' }, { authorization: `Bearer ${KEYS.designer}` });
    expect(created.errors).toBeUndefined();
    const viewer = await browser.newContext({ httpCredentials: { username: 'viewer', password: KEYS.viewer } });
    const page = await viewer.newPage();
    await page.goto(`${api.url}/blueprints/${key}`);
    await page.waitForSelector('#root-causes[data-params]');
    expect(await page.$('#edit-bar')).toBeNull();
    expect(await page.$('.edit-layer')).toBeNull();
    await page.goto(api.url);
    expect(await page.$('#new-blueprint')).toBeNull();
    const forged = await page.evaluate(async (b) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { renameStage(blueprintKey: "${b}", key: "s1", name: "Forged") { version } }` }),
      });
      return response.json();
    }, key);
    expect(forged.errors[0].extensions.code).toBe('FORBIDDEN');

    const designer = await browser.newContext({ httpCredentials: { username: 'designer', password: KEYS.designer } });
    const designerPage = await designer.newPage();
    await designerPage.goto(`${api.url}/blueprints/${key}`);
    expect(await designerPage.$('#edit-bar')).not.toBeNull();
    await Promise.all([viewer.close(), designer.close()]);
  });
});
