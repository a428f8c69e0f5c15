import { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, watchErrors } from '../helpers/browser';
import { lintExample, repairCurrent, repairFuture } from '../helpers/hand-worked';
import { IMPORT_KEY } from '../helpers/queries';
import { dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * The history panel, an old version read-only, restore, the lint list and
 * the compare view, in a real Chromium against the app on the test Neo4j:
 * what the pages show is compared with what the GraphQL API answers.
 */

const VERSIONS = 'query($key: String!) { blueprintVersions(key: $key) { version at operation author } blueprint(key: $key) { version } }';
const LINT = 'query($key: String!) { lintBlueprint(key: $key) { rule severity path message } }';
const COMPARE = `query($from: String!, $to: String!, $fromVersion: Int, $toVersion: Int) {
  compareBlueprints(from: $from, to: $to, fromVersion: $fromVersion, toVersion: $toVersion) {
    fromVersion toVersion actions { key change fields } dependencies { from to change } painPoints { key change }
    departments { department { key name } before after }
  } }`;
const RENAME_STAGE = 'mutation($b: String!, $k: String!, $n: String!) { renameStage(blueprintKey: $b, key: $k, name: $n) { version } }';

describe('living blueprints in Chromium', () => {
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    api = await startTestApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = watchErrors(page);
  });
  afterEach(() => {
    expect(errors).toEqual([]);
    errors.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const ok = <T = any>(query: string, variables: Record<string, unknown>) => dataOf<T>(api, query, variables);

  it('lists the versions the API lists, opens an old one read-only, and restores it', async () => {
    const p = `${uniqueKey('web')}-`;
    const key = `${p}bp`;
    await ok(IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await ok(RENAME_STAGE, { b: key, k: 's1', n: 'Reporting' });
    await ok(RENAME_STAGE, { b: key, k: 's1', n: 'Telling us' });

    await page.goto(`${api.url}/blueprints/${key}`);
    await page.waitForSelector('#root-causes[data-params]');
    const { blueprintVersions } = await ok(VERSIONS, { key });
    const shown = await page.$$eval('#history-panel li[data-version]', (items) =>
      items.map((li) => ({
        version: Number(li.getAttribute('data-version')),
        at: li.querySelector('time')!.getAttribute('datetime'),
        operation: li.querySelector('.operation')!.textContent,
        author: li.querySelector('.author')!.textContent,
        restore: Boolean(li.querySelector('button.restore')),
      })),
    );
    expect(shown).toEqual(
      blueprintVersions.map((v: any, i: number) => ({ version: v.version, at: v.at, operation: v.operation, author: 'anonymous', restore: i > 0 })),
    );

    // Version 1, read-only: its own stage name, no analysis panels, a banner with the way back.
    await page.click('#history-panel li[data-version="1"] a:text("Open")');
    await page.waitForSelector('#version-banner');
    expect(page.url()).toBe(`${api.url}/blueprints/${key}?version=1`);
    expect(await page.textContent('#version-banner')).toContain('Version 1 of this blueprint, read-only; it is now at version 3.');
    expect(await page.$$eval('g.bp-stage title', (titles) => titles.map((t) => t.textContent))).toEqual(['Report']);
    expect(await page.$('#root-causes-panel')).toBeNull();
    expect(await page.$('#controls')).toBeNull();
    await screenshot(page, 'old-version');

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('become version 4');
      void dialog.accept();
    });
    await Promise.all([page.waitForURL(`${api.url}/blueprints/${key}`), page.click('#version-banner button.restore')]);
    await page.waitForSelector('#history-panel li.current[data-version="4"]');
    expect((await ok(VERSIONS, { key })).blueprint.version).toBe(4);
    expect(await page.textContent('#history-panel li[data-version="4"] .operation')).toBe('restoreBlueprint (version 1)');
    expect(await page.$$eval('g.bp-stage title', (titles) => titles.map((t) => t.textContent))).toEqual(['Report']);

    // The current page follows a write made elsewhere, so its restore buttons are made against the version it shows.
    await ok(RENAME_STAGE, { b: key, k: 's1', n: 'Changed meanwhile' });
    await page.waitForSelector('#history-panel li.current[data-version="5"]');

    // An old version's page stays as it was drawn: a restore from it, made against a version that is no
    // longer current, is refused, and the page says so.
    await page.goto(`${api.url}/blueprints/${key}?version=2`);
    await page.waitForSelector('#version-banner');
    await ok(RENAME_STAGE, { b: key, k: 's1', n: 'Changed again' });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#version-banner button.restore');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toContain('is at version 6, not 5');
    expect((await ok(VERSIONS, { key })).blueprint.version).toBe(6);
  });

  it("lists the API's lint findings beside the grid, each highlighting its cards", async () => {
    const p = `${uniqueKey('web')}-`;
    const key = `${p}lint`;
    await ok(IMPORT_KEY, { document: { ...lintExample(p), key }, mode: 'CREATE' });
    await page.goto(`${api.url}/blueprints/${key}`);
    await page.waitForSelector('#root-causes[data-params]');
    const { lintBlueprint } = await ok(LINT, { key });
    const listed = await page.$$eval('#lint-panel button.finding', (buttons) =>
      buttons.map((b) => ({
        rule: b.getAttribute('data-rule'),
        severity: b.querySelector('.severity')!.textContent,
        path: b.getAttribute('data-path'),
        message: b.querySelector('.message')!.textContent,
      })),
    );
    expect(listed).toEqual(lintBlueprint);

    const unowned = '#lint-panel button.finding[data-rule="UNOWNED_ACTION"][data-path="document.stages[0].steps[0].actions[2]"]';
    await page.click(unowned);
    expect(await page.$$eval('g.bp-overlay g.bp-card.linted', (cards) => cards.map((c) => c.getAttribute('data-action')))).toEqual(['b1']);
    expect(await page.getAttribute(unowned, 'aria-pressed')).toBe('true');
    await page.click('#lint-panel button.finding[data-rule="STEP_WITHOUT_CUSTOMER"]');
    expect(await page.$$eval('g.bp-overlay g.bp-card.linted', (cards) => cards.map((c) => c.getAttribute('data-action')).sort())).toEqual(['f2', 's2']);
    await screenshot(page, 'lint-findings');
    await page.click('#lint-panel button.finding[data-rule="STEP_WITHOUT_CUSTOMER"]');
    expect(await page.$$('g.bp-overlay g.bp-card')).toHaveLength(0);
  });

  it('draws the compare view of a current and a future state with the changes the API reports', async () => {
    const p = `${uniqueKey('web')}-`;
    const [key, futureKey] = [`${p}current`, `${p}future`];
    await ok(IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    await ok(IMPORT_KEY, { document: { ...repairFuture(p), key: futureKey }, mode: 'CREATE' });
    const future = repairFuture(p);
    future.stages[0].steps[1].actions[0].dependsOn = ['c2'];
    await ok(IMPORT_KEY, { document: { ...future, key: futureKey }, mode: 'REPLACE' });

    await page.goto(`${api.url}/compare?from=${key}&to=${futureKey}`);
    const { compareBlueprints } = await ok(COMPARE, { from: key, to: futureKey });
    expect(await page.textContent('h1')).toBe(`${key}@1 → ${futureKey}@2`);

    const marked = await page.$$eval('#canvas g.bp-card[class*="mark-"]', (cards) =>
      cards.map((c) => [c.getAttribute('data-action'), c.getAttribute('class')!.match(/mark-(\w+)/)![1]]),
    );
    const expected = compareBlueprints.actions.filter((a: any) => a.change !== 'REMOVED').map((a: any) => [a.key, a.change.toLowerCase()]);
    expect(marked.sort()).toEqual(expected.sort());
    const arrows = await page.$$eval('#canvas path.bp-edge.mark-added', (paths) => paths.map((e) => `${e.getAttribute('data-from')} -> ${e.getAttribute('data-to')}`));
    expect(arrows).toEqual(compareBlueprints.dependencies.filter((d: any) => d.change === 'ADDED').map((d: any) => `${d.from} -> ${d.to}`));
    expect(arrows).toEqual(['b1 -> c2']);
    const removed = await page.$$eval('#changes-panel ul[data-kind="dependencies"] li.removed', (items) => items.map((li) => li.getAttribute('data-key')));
    expect(removed).toEqual(['f1 -> b1']);

    const bars = await page.$$eval('#blame-panel li[data-department]', (items) =>
      items.map((li) => ({
        key: li.getAttribute('data-department'),
        before: Number(li.getAttribute('data-before')),
        after: Number(li.getAttribute('data-after')),
        widths: [...li.querySelectorAll('.bar span')].map((span) => (span as HTMLElement).style.width),
      })),
    );
    expect(bars.map(({ key: k, before, after }) => ({ key: k, before, after }))).toEqual(
      compareBlueprints.departments.map((d: any) => ({ key: d.department.key, before: d.before, after: d.after })),
    );
    const max = Math.max(...bars.flatMap((bar) => [bar.before, bar.after]));
    for (const bar of bars) {
      expect(bar.widths.map((width) => width.endsWith('%'))).toEqual([true, true]);
      bar.widths.forEach((width, i) => expect(parseFloat(width)).toBeCloseTo((100 * [bar.before, bar.after][i]) / max, 2));
    }
    await screenshot(page, 'compare-view');

    // Versions in the address, and a clear page for a side that is not there.
    await page.goto(`${api.url}/compare?from=${futureKey}@1&to=${futureKey}@2`);
    expect(await page.textContent('h1')).toBe(`${futureKey}@1 → ${futureKey}@2`);
    expect(await page.$$eval('#canvas path.bp-edge.mark-added', (paths) => paths.length)).toBe(1);
    const missing = await page.goto(`${api.url}/compare?from=${key}&to=${key}@9`);
    expect(missing!.status()).toBe(404);
    expect(await page.textContent('main')).toContain('no kept version 9');
    const bad = await page.goto(`${api.url}/compare?from=${key}`);
    expect(bad!.status()).toBe(400);
    // Chromium logs the two refused loads; nothing else went wrong.
    expect(errors.splice(0)).toEqual([expect.stringContaining('404'), expect.stringContaining('400')]);
  });
});
