import { Browser, Page } from 'playwright-core';
import { generateDocument } from '../../tools/bench/synthetic-documents';
import { loadConfig } from '../../src/config/app-config';
import { DemoData } from '../../src/demo/demo-data';
import { GRID } from '../../src/web/blueprint-layout';
import { formatFigure, formatShare, traceEdgeWidth } from '../../src/web/scales';
import { launchChromium, saveArtifact, screenshot, watchErrors } from '../helpers/browser';
import { exampleDocument } from '../helpers/fixtures';
import { DEPENDENCIES, IMPORT_KEY, ROOT_CAUSES, TRACE } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The pages in a real Chromium against the app on the test Neo4j: what they
 * show is compared with what the GraphQL API answers for the same question.
 */

const BLUEPRINT = `
  query Blueprint($key: String!) {
    blueprint(key: $key) {
      key name state
      stages { key name steps { key name actions { key name owners { key } } } }
      painPoints { key impact }
    }
  }
`;

const DELETE = `mutation Delete($key: String!) { deleteBlueprint(key: $key) }`;

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const sorted = (list: string[]) => [...list].sort();

describe('the blueprint pages in Chromium', () => {
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let demoKeys: string[];
  const extraKeys: string[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    demoKeys = await api.app.get(DemoData).load();
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
    for (const key of [...(demoKeys ?? []), ...extraKeys]) await api?.graphql(DELETE, { key });
    await api?.close();
  });

  async function blueprint(key: string): Promise<any> {
    const { data, errors: apiErrors } = await api.graphql(BLUEPRINT, { key });
    expect(apiErrors).toBeUndefined();
    return data.blueprint;
  }

  /** Opens a blueprint page and waits until its panels hold the API's first answer. */
  async function open(key: string): Promise<void> {
    await page.goto(`${api.url}/blueprints/${encodeURIComponent(key)}`);
    await page.waitForSelector('#root-causes[data-params="blueprint|0.5|6"]');
  }

  async function ranking(): Promise<{ key: string; rank: string; name: string; share: string }[]> {
    return page.$$eval('#root-causes li[data-department]', (items) =>
      items.map((item) => ({
        key: item.getAttribute('data-department') ?? '',
        rank: item.querySelector('.rank')?.textContent ?? '',
        name: item.querySelector('.name')?.textContent ?? '',
        share: item.querySelector('.share')?.textContent ?? '',
      })),
    );
  }

  async function apiRanking(variables: Record<string, unknown>) {
    const { data, errors: apiErrors } = await api.graphql(ROOT_CAUSES, variables);
    expect(apiErrors).toBeUndefined();
    return data.rootCauses.departments.map((d: any) => ({
      key: d.department.key,
      rank: `${d.rank}.`,
      name: d.department.name,
      share: formatShare(d.share),
    }));
  }

  it('lists the demo blueprints with their figures, each linked to its page', async () => {
    await page.goto(`${api.url}/`);
    expect(demoKeys.length).toBe(3);
    for (const key of demoKeys) {
      const expected = await blueprint(key);
      const row = page.locator(`tr[data-blueprint="${key}"]`);
      const link = row.locator('a').first();
      expect(await link.textContent()).toBe(expected.name);
      expect(await link.getAttribute('href')).toBe(`/blueprints/${key}`);
      const cells = (await row.locator('td').allTextContents()).map(normalise);
      const steps = expected.stages.flatMap((s: any) => s.steps);
      const impact = expected.painPoints.reduce((sum: number, p: any) => sum + p.impact, 0);
      expect(cells.slice(1, 7)).toEqual([
        expected.state,
        String(expected.stages.length),
        String(steps.length),
        String(steps.reduce((n: number, s: any) => n + s.actions.length, 0)),
        String(expected.painPoints.length),
        formatFigure(impact),
      ]);
    }
    await screenshot(page, 'list');
    await page.locator(`tr[data-blueprint="${demoKeys[0]}"] a`).first().click();
    await page.waitForSelector('svg.bp-svg');
    expect(new URL(page.url()).pathname).toBe(`/blueprints/${demoKeys[0]}`);
  });

  it('draws every step, every action card and the three labelled lines of each demo blueprint', async () => {
    for (const key of demoKeys) {
      const expected = await blueprint(key);
      await open(key);
      const steps = expected.stages.flatMap((s: any) => s.steps);
      const shownSteps = await page.$$eval('svg.bp-svg g.bp-step', (groups) =>
        groups.map((g) => ({ key: g.getAttribute('data-step'), text: g.textContent })),
      );
      expect(shownSteps.map((s) => [s.key, normalise(s.text)])).toEqual(steps.map((s: any) => [s.key, s.name]));
      for (const step of steps) expect(await page.locator(`svg g.bp-step[data-step="${step.key}"]`).isVisible()).toBe(true);

      for (const [kind, label] of [
        ['interaction', 'Line of interaction'],
        ['visibility', 'Line of visibility'],
        ['internal', 'Line of internal interaction'],
      ]) {
        const mark = page.locator(`svg g.bp-line-mark[data-line="${kind}"]`);
        expect(await mark.locator('line.bp-line').count()).toBe(1);
        const first = mark.locator('text.bp-line-label').first();
        expect(await first.textContent()).toBe(label);
        expect(await first.isVisible()).toBe(true);
      }
      const lineYs = await page.$$eval('svg line.bp-line', (lines) => lines.map((l) => Number(l.getAttribute('y1'))));
      expect(lineYs).toEqual([...lineYs].sort((a, b) => a - b)); // interaction above visibility above internal

      const actions = steps.flatMap((s: any) => s.actions);
      const cards = await page.$$eval('svg g.bp-card', (groups) =>
        groups.map((g) => ({ key: g.getAttribute('data-action') ?? '', name: g.querySelector('.bp-card-name')?.textContent ?? '' })),
      );
      expect(sorted(cards.map((c) => c.key))).toEqual(sorted(actions.map((a: any) => a.key)));
      for (const action of actions) expect(normalise(cards.find((c) => c.key === action.key)!.name)).toBe(action.name);
      const markers = await page.$$eval('svg g.bp-pain', (groups) => groups.map((g) => g.getAttribute('data-pain') ?? ''));
      expect(sorted(markers)).toEqual(sorted(expected.painPoints.map((p: any) => p.key)));
      await screenshot(page, `blueprint-${key}`);
    }
  });

  it('highlights exactly the actions and edges of a pain point’s trace, with its figures', async () => {
    const key = 'after-sales-repair';
    const expected = await blueprint(key);
    await open(key);
    for (const painPoint of expected.painPoints) {
      await page.locator(`svg g.bp-pain[data-pain="${painPoint.key}"]`).click();
      await page.waitForSelector(`#trace[data-pain="${painPoint.key}"][data-params="${painPoint.key}|0.5|6"]`);
      const { data } = await api.graphql(TRACE, { blueprintKey: key, painPointKey: painPoint.key });
      const trace = data.painPointTrace;

      const hit = await page.$$eval('svg g.bp-card.hit', (groups) => groups.map((g) => g.getAttribute('data-action') ?? ''));
      expect(sorted(hit)).toEqual(sorted(trace.nodes.map((n: any) => n.action.key)));

      const hot = await page.$$eval('svg path.bp-edge.hot', (paths) =>
        paths.map((p) => ({ edge: `${p.getAttribute('data-from')}>${p.getAttribute('data-to')}`, width: Number((p as SVGPathElement).style.strokeWidth) })),
      );
      expect(sorted(hot.map((h) => h.edge))).toEqual(sorted(trace.edges.map((e: any) => `${e.from.key}>${e.to.key}`)));
      const maxMass = Math.max(...trace.edges.map((e: any) => e.mass));
      for (const edge of trace.edges) {
        const shown = hot.find((h) => h.edge === `${edge.from.key}>${edge.to.key}`)!;
        expect(shown.width).toBeCloseTo(traceEdgeWidth(edge.mass, maxMass), 5);
      }

      const reached = await page.$$eval('#trace table.reached tbody tr', (rows) =>
        rows.map((row) => [row.getAttribute('data-action'), ...[...row.querySelectorAll('td')].slice(1).map((td) => td.textContent)]),
      );
      expect(reached).toEqual(
        trace.nodes.map((n: any) => [n.action.key, String(n.depth), formatFigure(n.received), formatFigure(n.kept)]),
      );
      const ends = await page.$$eval('#trace table.ends tbody tr', (rows) => rows.map((row) => row.getAttribute('data-department')));
      const apiEnds = await apiRanking({ blueprintKey: key, painPointKeys: [painPoint.key] });
      expect(ends).toEqual(apiEnds.map((d: any) => d.key));
      expect(await page.$$eval('svg .bp-trace-label', (labels) => labels.length)).toBe(trace.nodes.length);
    }
    await page.locator('svg g.bp-pain[data-pain="order-not-found"]').click();
    await page.waitForSelector('#trace[data-pain="order-not-found"]');
    await page.locator('#canvas').evaluate((canvas) => (canvas.scrollLeft = 0));
    await screenshot(page, 'trace-order-not-found');
  });

  it('ranks the departments as rootCauses does, for this blueprint or all, following retention and depth', async () => {
    const key = 'after-sales-repair';
    await open(key);
    const atDefaults = await apiRanking({ blueprintKey: key });
    expect(atDefaults.length).toBeGreaterThan(2);
    expect(await ranking()).toEqual(atDefaults);

    await page.fill('#retention', '0.2');
    await page.waitForSelector('#root-causes[data-params="blueprint|0.2|6"]');
    const atRetention = await apiRanking({ blueprintKey: key, retention: 0.2 });
    expect(atRetention).not.toEqual(atDefaults); // the API's figures move, and so must the page's
    expect(await ranking()).toEqual(atRetention);
    expect(await page.inputValue('#retention-range')).toBe('0.2');

    await page.fill('#depth', '2');
    await page.waitForSelector('#root-causes[data-params="blueprint|0.2|2"]');
    expect(await ranking()).toEqual(await apiRanking({ blueprintKey: key, retention: 0.2, maxDepth: 2 }));

    // All blueprints are the current ones, unless other states are asked for too.
    await page.check('input[name=scope][value=all]');
    await page.waitForSelector('#root-causes[data-params="all:CURRENT|0.2|2"]');
    expect(await ranking()).toEqual(await apiRanking({ retention: 0.2, maxDepth: 2, states: ['CURRENT'] }));
    await page.check('input[name=state][value=FUTURE]');
    await page.waitForSelector('#root-causes[data-params="all:CURRENT+FUTURE|0.2|2"]');
    expect(await ranking()).toEqual(await apiRanking({ retention: 0.2, maxDepth: 2, states: ['CURRENT', 'FUTURE'] }));
    await screenshot(page, 'root-causes-all');
  });

  it('highlights the cards of a department and lists its contributions', async () => {
    const key = 'after-sales-repair';
    const expected = await blueprint(key);
    await open(key);
    const { data } = await api.graphql(ROOT_CAUSES, { blueprintKey: key });
    for (const row of data.rootCauses.departments.slice(0, 3)) {
      await page.locator(`#root-causes li[data-department="${row.department.key}"] button.department`).click();
      const owned = await page.$$eval('svg g.bp-card.owned', (groups) => groups.map((g) => g.getAttribute('data-action') ?? ''));
      const actions = expected.stages.flatMap((s: any) => s.steps.flatMap((t: any) => t.actions));
      const ownedByApi = actions.filter((a: any) => a.owners.some((o: any) => o.key === row.department.key)).map((a: any) => a.key);
      expect(sorted(owned)).toEqual(sorted(ownedByApi));
      const listed = await page.$$eval(`#root-causes li[data-department="${row.department.key}"] ul.contributions > li`, (items) =>
        items.map((item) => item.getAttribute('data-pain')),
      );
      expect(listed).toEqual(row.contributions.map((c: any) => c.painPoint.key));
      expect(await page.locator(`#root-causes li[data-department="${row.department.key}"] ul.contributions`).isVisible()).toBe(true);
    }
  });

  it('shows which department relies on which, as departmentDependencies does', async () => {
    const key = 'b2b-onboarding';
    await open(key);
    await page.waitForSelector('#dependencies[data-params="blueprint"]');
    const { data } = await api.graphql(DEPENDENCIES, { blueprintKey: key });
    const heaviest = await page.$$eval('#dependencies table.heaviest tbody tr', (rows) =>
      rows.map((row) => `${row.getAttribute('data-from')}>${row.getAttribute('data-to')}:${row.querySelectorAll('td')[2].textContent}`),
    );
    expect(heaviest).toEqual(
      data.departmentDependencies.slice(0, 10).map((d: any) => `${d.from.key}>${d.to.key}:${formatFigure(d.impact)}`),
    );
    const cells = await page.$$eval('#dependencies table.matrix td[data-from]', (tds) =>
      tds.map((td) => `${td.getAttribute('data-from')}>${td.getAttribute('data-to')}:${td.textContent}`),
    );
    expect(data.departmentDependencies.length).toBeGreaterThan(0);
    expect(sorted(cells)).toEqual(sorted(data.departmentDependencies.map((d: any) => `${d.from.key}>${d.to.key}:${d.handoffs}`)));
    await page.locator('#dependencies-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'dependencies');
  });

  it('serves each demo blueprint as a standalone SVG: well-formed, complete, script-free, and drawn by Chromium', async () => {
    for (const key of demoKeys) {
      const expected = await blueprint(key);
      const response = await fetch(`${api.url}/blueprints/${key}.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      const svg = await response.text();
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);

      await page.goto('about:blank');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const all = [...doc.querySelectorAll('*')];
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.localName,
          text: doc.documentElement.textContent ?? '',
          scripts: doc.querySelectorAll('script').length,
          handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
          external: all.filter((e) => e.getAttribute('href') || e.getAttribute('xlink:href')).length,
          styles: doc.querySelectorAll('style').length,
        };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(parsed).toMatchObject({ root: 'svg', scripts: 0, handlers: 0, external: 0, styles: 1 });
      const text = normalise(parsed.text);
      for (const step of expected.stages.flatMap((s: any) => s.steps)) {
        expect(text).toContain(step.name);
        for (const action of step.actions) expect(text).toContain(action.name);
      }

      const drawn = await page.evaluate(async (text) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
        const image = new Image();
        await new Promise((resolve, reject) => {
          image.onload = resolve;
          image.onerror = () => reject(new Error('the SVG did not load as an image'));
          image.src = url;
        });
        const canvas = document.createElement('canvas');
        canvas.width = Math.min(image.naturalWidth, 4000);
        canvas.height = Math.min(image.naturalHeight, 4000);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        const colours = new Set<number>();
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3] > 0 && (pixels[i] < 245 || pixels[i + 1] < 245 || pixels[i + 2] < 245)) inked++;
          if (colours.size < 1000) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        }
        return {
          width: canvas.width,
          height: canvas.height,
          inked: inked / (pixels.length / 4),
          colours: colours.size,
          png: canvas.toDataURL('image/png'),
        };
      }, svg);
      expect(drawn.width).toBeGreaterThan(500);
      expect(drawn.inked).toBeGreaterThan(0.05);
      expect(drawn.colours).toBeGreaterThan(20);

      saveArtifact(`svg-${key}.png`, Buffer.from(drawn.png.replace(/^data:image\/png;base64,/, ''), 'base64'));
    }
  });

  it('shows names as text, never as markup, and answers 404 for an unknown blueprint', async () => {
    const key = uniqueKey('hostile');
    extraKeys.push(key);
    const hostile = `<img src=x onerror="alert('page')"><script>alert('script')</script>`;
    const blueprint = {
      key,
      name: hostile,
      departments: [{ key: `${key}-dept`, name: hostile }],
      stages: [
        {
          key: 'st',
          name: hostile,
          steps: [
            {
              key: 's',
              name: hostile,
              evidence: [hostile],
              actions: [
                { key: 'a', lane: 'CUSTOMER', name: hostile, touchpoint: hostile, dependsOn: ['b'] },
                { key: 'b', lane: 'FRONTSTAGE', name: hostile, department: `${key}-dept` },
              ],
            },
          ],
        },
      ],
      painPoints: [{ key: 'p', title: hostile, action: 'a', severity: 2 }],
    };
    expect((await api.graphql(IMPORT_KEY, { document: blueprint, mode: 'REPLACE' })).errors).toBeUndefined();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await open(key);
    await page.locator('svg g.bp-pain[data-pain="p"]').click();
    await page.waitForSelector('#trace[data-pain="p"]');
    expect(await page.locator('h1').textContent()).toBe(hostile);
    expect(normalise(await page.locator('#trace h3').textContent())).toBe(hostile);
    expect(await page.locator('#trace table.reached tbody td').first().textContent()).toBe(hostile);
    await page.locator(`#root-causes li[data-department="${key}-dept"] button.department`).click();
    expect(await page.locator(`#root-causes li[data-department="${key}-dept"] ul.contributions li`).first().textContent()).toContain(hostile);
    expect(await page.locator(`#root-causes li[data-department="${key}-dept"] .name`).textContent()).toBe(hostile);
    expect(await page.locator('img, script:not([src]):not([type="application/json"])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    page.removeAllListeners('dialog');

    const missing = await fetch(`${api.url}/blueprints/${uniqueKey('missing')}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No blueprint has the key');
    expect((await fetch(`${api.url}/blueprints/${uniqueKey('missing')}.svg`)).status).toBe(404);
  });

  it('scrolls a blueprint of 40 steps at 1280 px instead of squashing it, and fits 30 departments in the matrix', async () => {
    const key = uniqueKey('forty-steps');
    extraKeys.push(key);
    const departments = Array.from({ length: 30 }, (_, i) => ({ key: `${key}-d${i}`, name: `Department number ${i}` }));
    const department = (n: number) => departments[n % 30].key;
    const stages = Array.from({ length: 8 }, (_, g) => ({
      key: `stage-${g}`,
      name: `Stage ${g}`,
      steps: Array.from({ length: 5 }, (_, s) => {
        const n = g * 5 + s;
        return {
          key: `step-${n}`,
          name: `Step ${n} of the long journey`,
          actions: [
            { key: `c-${n}`, lane: 'CUSTOMER', name: `Customer does ${n}`, emotion: (n % 7) - 3, dependsOn: [`f-${n}`] },
            { key: `f-${n}`, lane: 'FRONTSTAGE', name: `Agent answers ${n}`, department: department(n), dependsOn: n > 0 ? [`b-${n - 1}`] : [] },
            { key: `b-${n}`, lane: 'BACKSTAGE', name: `Back office ${n}`, department: department(n + 7) },
          ],
        };
      }),
    }));
    const blueprint = {
      key,
      name: 'Forty steps',
      departments,
      stages,
      painPoints: [{ key: 'slow', title: 'Slow', action: 'c-20', severity: 3, frequency: 0.5, category: 'PROCESS' }],
    };
    const imported = await api.graphql(IMPORT_KEY, { document: blueprint, mode: 'REPLACE' });
    expect(imported.errors).toBeUndefined();
    await open(key);
    const sizes = await page.evaluate(() => {
      const canvas = document.getElementById('canvas')!;
      const steps = [...document.querySelectorAll('svg g.bp-step')].map((g) => g.getBoundingClientRect().x);
      return {
        pageWidth: document.documentElement.scrollWidth,
        canvasClient: canvas.clientWidth,
        canvasScroll: canvas.scrollWidth,
        steps,
      };
    });
    expect(sizes.pageWidth).toBeLessThanOrEqual(1280);
    expect(sizes.canvasScroll).toBeGreaterThan(sizes.canvasClient);
    expect(sizes.steps.length).toBe(40);
    for (let i = 1; i < sizes.steps.length; i++) {
      expect(Math.abs(sizes.steps[i] - sizes.steps[i - 1] - GRID.columnWidth)).toBeLessThanOrEqual(2);
    }
    await page.locator('#canvas').evaluate((canvas) => (canvas.scrollLeft = canvas.scrollWidth));
    await page.waitForFunction(() => {
      const last = document.querySelector('svg g.bp-step[data-step="step-39"]')!.getBoundingClientRect();
      const canvas = document.getElementById('canvas')!.getBoundingClientRect();
      return last.right <= canvas.right && last.left >= canvas.left;
    });
    await screenshot(page, 'forty-steps-scrolled');

    const matrix = await page.evaluate(() => {
      const table = document.querySelector('#dependencies table.matrix')!;
      return {
        rows: table.querySelectorAll('tbody tr').length,
        columns: table.querySelectorAll('thead th[scope=col]').length,
        width: table.getBoundingClientRect().width,
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    expect(matrix).toMatchObject({ rows: 30, columns: 30 });
    expect(matrix.width).toBeLessThan(1280 - 32);
    expect(matrix.pageWidth).toBeLessThanOrEqual(1280);
    await page.locator('#dependencies-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'thirty-departments');
  });

  it('stays responsive with 500 actions', async () => {
    const key = uniqueKey('five-hundred');
    extraKeys.push(key);
    const blueprint = generateDocument({ key, actions: 500, dependencies: 700, seed: 11, orgPrefix: uniqueKey('web') });
    const imported = await api.graphql(IMPORT_KEY, { document: blueprint, mode: 'REPLACE' });
    expect(imported.errors).toBeUndefined();

    const started = Date.now();
    await open(key);
    const loadMs = Date.now() - started;
    expect(await page.locator('svg g.bp-card').count()).toBe(500);

    const painKey = blueprint.painPoints[0].key;
    const clicked = Date.now();
    await page.locator(`svg g.bp-pain[data-pain="${painKey}"]`).click();
    await page.waitForSelector(`#trace[data-pain="${painKey}"]`);
    const traceMs = Date.now() - clicked;

    // How long the main thread takes to answer a frame while a department is highlighted.
    const frameMs = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('#root-causes button.department')!;
      const t0 = performance.now();
      button.click();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - t0;
    });
    console.log(`500 actions: page ready in ${loadMs} ms, trace shown ${traceMs} ms after the click, department highlight ${frameMs.toFixed(0)} ms`);
    // Budgets for a busy two-core machine; most of the first two is the database read of 500 actions.
    expect(loadMs).toBeLessThan(15_000);
    expect(traceMs).toBeLessThan(10_000);
    expect(frameMs).toBeLessThan(1_000);
    await screenshot(page, 'five-hundred-actions');
  });
});

describe('the blueprint pages where API keys are configured', () => {
  const viewer = `viewer-${'v'.repeat(24)}`;
  const designer = `designer-${'d'.repeat(24)}`;
  let api: TestApp;
  let browser: Browser;
  const key = uniqueKey('keyed');

  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: `viewer:${viewer},designer:${designer}` });
    api = await startTestApp({ serving: { security, logging } });
    const imported = await api.graphql(IMPORT_KEY, { document: exampleDocument(key), mode: 'REPLACE' }, { authorization: `Bearer ${designer}` });
    expect(imported.errors).toBeUndefined();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows nothing without a key, and the page with its figures once the browser has one', async () => {
    for (const path of ['/', `/blueprints/${key}`, `/blueprints/${key}.svg`]) {
      expect((await fetch(`${api.url}${path}`)).status).toBe(401);
    }
    // A browser signed in with the key as its password sends it with every request: the page and its calls to /graphql.
    const basic = `Basic ${Buffer.from(`viewer:${viewer}`).toString('base64')}`;
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: basic } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    expect((await page.goto(`${api.url}/blueprints/${key}`))?.status()).toBe(200);
    await page.waitForSelector('#root-causes[data-params="blueprint|0.5|6"]');
    const { data } = await api.graphql(ROOT_CAUSES, { blueprintKey: key }, { authorization: `Bearer ${viewer}` });
    const shown = await page.$$eval('#root-causes li[data-department]', (items) => items.map((item) => item.getAttribute('data-department')));
    expect(shown).toEqual(data.rootCauses.departments.map((d: any) => d.department.key));
    await page.locator('svg g.bp-pain[data-pain="order-not-found"]').click();
    await page.waitForSelector('#trace[data-pain="order-not-found"]');
    expect(errors).toEqual([]);
    await context.close();
  });
});
