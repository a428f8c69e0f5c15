import { Browser, Page } from 'playwright-core';
import { formatFigure } from '../../src/web/scales';
import { launchChromium, watchErrors } from '../helpers/browser';
import { repairCurrent } from '../helpers/hand-worked';
import { IMPORT_KEY } from '../helpers/queries';
import { dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * A blueprint page stays current, in Chromium: two people looking at one
 * blueprint both see a write within a second, without a reload: the grid,
 * the version, the history, and the root causes the API computes anew.
 */

const RENAME_STAGE = 'mutation($b: String!, $k: String!, $n: String!) { renameStage(blueprintKey: $b, key: $k, name: $n) { version } }';
const ADD_PAIN =
  'mutation($b: String!) { addPainPoint(blueprintKey: $b, painPoint: { key: "p2", title: "No call back", action: "c1", severity: 3 }) { version } }';
const TOTAL = 'query($b: String!) { rootCauses(blueprintKey: $b) { totalImpact } }';

describe('a blueprint page kept current, in Chromium', () => {
  let api: TestApp;
  let browser: Browser;
  let pages: Page[];
  let errors: string[][];

  beforeAll(async () => {
    api = await startTestApp();
    browser = await launchChromium();
    const viewport = { width: 1280, height: 900 };
    const contexts = await Promise.all([browser.newContext({ viewport }), browser.newContext({ viewport })]);
    pages = await Promise.all(contexts.map((context) => context.newPage()));
    errors = pages.map(watchErrors);
  });
  afterEach(() => {
    expect(errors).toEqual([[], []]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows a write to everyone looking within a second, and refreshes the root causes', async () => {
    const p = `${uniqueKey('live')}-`;
    const key = `${p}bp`;
    await dataOf(api, IMPORT_KEY, { document: { ...repairCurrent(p), key }, mode: 'CREATE' });
    for (const page of pages) {
      await page.goto(`${api.url}/blueprints/${key}`);
      await page.waitForSelector('#root-causes[data-version="1"]');
    }
    // The subscription starts with the page; give it its first look at the database.
    await pages[0].waitForTimeout(500);

    await dataOf(api, RENAME_STAGE, { b: key, k: 's1', n: 'Reporting' });
    const written = Date.now();
    const seen = await Promise.all(
      pages.map(async (page) => {
        await page.waitForFunction(() => document.querySelector('g.bp-stage title')?.textContent === 'Reporting', undefined, { timeout: 5_000 });
        return Date.now() - written;
      }),
    );
    console.log(`a rename reached both pages in ${seen.join(' and ')} ms`);
    for (const delay of seen) expect(delay).toBeLessThan(1_000);
    for (const page of pages) {
      expect(await page.textContent('.version-label')).toBe('version 2');
      expect(await page.$$eval('#history-panel li[data-version]', (items) => items.map((li) => li.getAttribute('data-version')))).toEqual(['2', '1']);
    }

    await dataOf(api, ADD_PAIN, { b: key });
    const { rootCauses } = await dataOf(api, TOTAL, { b: key });
    for (const page of pages) {
      await page.waitForSelector('#root-causes[data-version="3"]', { timeout: 5_000 });
      expect(await page.textContent('#root-causes .figures')).toContain(`total impact ${formatFigure(rootCauses.totalImpact)}`);
      expect(await page.$$eval('g.bp-pain', (markers) => markers.map((m) => m.getAttribute('data-pain')).sort())).toEqual(['p1', 'p2']);
    }

    // A pain point's trace still opens on the redrawn grid.
    await pages[1].click('g.bp-pain[data-pain="p2"]');
    await pages[1].waitForSelector('#trace[data-pain="p2"]');
  });
});
