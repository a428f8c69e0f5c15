import { Browser, Page } from 'playwright-core';
import { formatFigure, formatShare } from '../../src/web/scales';
import { launchChromium, screenshot, watchErrors } from '../helpers/browser';
import { exampleDocument, loadJson } from '../helpers/fixtures';
import { repairCurrent } from '../helpers/hand-worked';
import { IMPORT_KEY } from '../helpers/queries';
import { dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * The decision layer on the pages, in a real Chromium against the app on the
 * test Neo4j: the level switch, the what-if toggles, "What relies on this"
 * and /opportunities show what blame, whatIf, dependents and opportunities
 * answer, and highlight the cards they are about.
 */

const EXPECTED = loadJson('after-sales-repair.decisions.expected.json');

const BLAME = `query($level: BlameLevel!, $blueprintKey: String) {
  blame(level: $level, blueprintKey: $blueprintKey) { entries { rank key blueprintKey score share } } }`;
const WHAT_IF = `query($fixes: [FixInput!]!, $blueprintKey: String) {
  whatIf(fixes: $fixes, blueprintKey: $blueprintKey) {
    totalImpact removedImpact remainingImpact resolvedPainPoints
    painPoints { painPoint { key } removed resolved } departments { department { key } before after } } }`;
const DEPENDENTS = `query($level: BlameLevel!, $key: String!, $blueprintKey: String, $maxDepth: Int) {
  dependents(level: $level, key: $key, blueprintKey: $blueprintKey, maxDepth: $maxDepth) {
    actions { blueprintKey distance action { key } } departments { key } painPoints { key } } }`;
const STEPS = 'query($key: String!) { blueprint(key: $key) { stages { steps { key actions { key } } } } }';
const UPSERT = 'mutation($input: OpportunityInput!) { upsertOpportunity(input: $input) { key } }';
const OPPORTUNITIES = `{ opportunities { key title status effort owner { name } removedImpact removedShare resolvedPainPoints valuePerEffort
  fixes { level key blueprintKey } staleFixes { level key blueprintKey } } }`;

describe('decisions on the blueprint pages, in Chromium', () => {
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const key = uniqueKey('decide');

  beforeAll(async () => {
    api = await startTestApp();
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
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

  const ok = <T = any>(query: string, variables: Record<string, unknown> = {}) => dataOf<T>(api, query, variables);
  const open = async (address = `/blueprints/${key}`) => {
    await page.goto(`${api.url}${address}`);
    await page.waitForSelector('#root-causes[data-params]');
  };
  const chooseLevel = async (label: string, level: string) => {
    await page.click(`#levels label:has-text("${label}")`);
    if (level !== 'DEPARTMENT') await page.waitForSelector(`#blame[data-level="${level}"][data-params]`);
  };
  const overlayCards = (mark: string) =>
    page.$$eval(`g.bp-overlay g.bp-card.${mark}`, (cards) => cards.map((card) => card.getAttribute('data-action')!).sort());
  /** Waits for the what-if panel's answer to a fix-set other than the one shown before. */
  const whatIfShown = async (before: string | null) => {
    await page.waitForFunction(
      (previous) => {
        const box = document.getElementById('what-if')!;
        return box.dataset.params !== undefined && box.dataset.params !== previous;
      },
      before,
    );
    return page.$eval('#what-if', (box) => ({
      params: box.getAttribute('data-params'),
      removed: Number(box.getAttribute('data-removed')),
      remaining: Number(box.getAttribute('data-remaining')),
      total: Number(box.getAttribute('data-total')),
      resolved: Number(box.getAttribute('data-resolved')),
      text: box.querySelector('.removed-figure')!.textContent,
      departments: Array.from(box.querySelectorAll('ul.paired li')).map((li) => ({
        key: li.getAttribute('data-department'),
        before: Number(li.getAttribute('data-before')),
        after: Number(li.getAttribute('data-after')),
      })),
      painPoints: Array.from(box.querySelectorAll('table.what-if-pain tbody tr')).map((tr) => ({
        key: tr.getAttribute('data-pain'),
        removed: Number(tr.getAttribute('data-removed')),
        resolved: tr.getAttribute('data-resolved') === 'true',
      })),
    }));
  };
  const apiWhatIf = async (fixes: unknown[]) => {
    const { whatIf } = await ok(WHAT_IF, { fixes, blueprintKey: key });
    return {
      removed: whatIf.removedImpact,
      remaining: whatIf.remainingImpact,
      total: whatIf.totalImpact,
      resolved: whatIf.resolvedPainPoints,
      text: `removes ${formatFigure(whatIf.removedImpact)}`,
      departments: whatIf.departments.map((d: any) => ({ key: d.department.key, before: d.before, after: d.after })),
      painPoints: whatIf.painPoints.map((p: any) => ({ key: p.painPoint.key, removed: p.removed, resolved: p.resolved })),
    };
  };

  it('ranks every level of the switch as blame does, and an entry highlights its cards', async () => {
    await open();
    const { blueprint } = await ok(STEPS, { key });
    const stepActions = new Map<string, string[]>(
      blueprint.stages.flatMap((stage: any) => stage.steps.map((step: any) => [step.key, step.actions.map((a: any) => a.key).sort()])),
    );
    for (const [label, level] of [
      ['Systems', 'SYSTEM'],
      ['Roles', 'ROLE'],
      ['Processes', 'PROCESS'],
      ['Steps', 'STEP'],
      ['Actions', 'ACTION'],
    ]) {
      await chooseLevel(label, level);
      expect(await page.isHidden('#root-causes')).toBe(true);
      const shown = await page.$$eval('#blame li.entry', (items) =>
        items.map((li) => ({
          rank: Number(li.getAttribute('data-rank')),
          key: li.getAttribute('data-key'),
          blueprintKey: li.getAttribute('data-blueprint') || null,
          score: Number(li.getAttribute('data-score')),
          share: Number(li.getAttribute('data-share')),
          text: li.querySelector('.figures-cell')!.textContent,
        })),
      );
      const { blame } = await ok(BLAME, { level, blueprintKey: key });
      expect(shown).toEqual(blame.entries.map((e: any) => ({ ...e, text: `${formatFigure(e.score)} · ${formatShare(e.share)}` })));
      // The independent figures of the example, level by level.
      expect(shown.map((e) => e.key)).toEqual(EXPECTED.blame[level].entries.map((e: any) => e.key));

      // The top entry's cards: a system's, role's or process's are its own actions as dependents counts them (distance 0).
      await page.click('#blame li.entry:first-child button.department');
      const top = blame.entries[0];
      let expected: string[];
      if (level === 'STEP') expected = stepActions.get(top.key)!;
      else if (level === 'ACTION') expected = [top.key];
      else {
        const { dependents } = await ok(DEPENDENTS, { level, key: top.key, blueprintKey: key, maxDepth: 0 });
        expected = dependents.actions.map((a: any) => a.action.key).sort();
      }
      expect(await overlayCards('owned')).toEqual(expected);
    }
    await screenshot(page, 'blame-levels');
    await chooseLevel('Departments', 'DEPARTMENT');
    expect(await page.isHidden('#blame')).toBe(true);
    expect(await page.isVisible('#root-causes')).toBe(true);
  });

  it('builds a fix-set from the toggles of entries and cards, with whatIf\u2019s figures', async () => {
    await open();
    await chooseLevel('Systems', 'SYSTEM');
    await page.click('#blame li.entry[data-key="crm"] button.fix');
    const crm = await whatIfShown(null);
    const crmFix = { level: 'SYSTEM', key: 'crm' };
    expect(crm).toMatchObject(await apiWhatIf([crmFix]));
    expect(crm.removed).toBeCloseTo(EXPECTED.whatIf[0].removedImpact, 12);
    expect(await page.getAttribute('#blame li.entry[data-key="crm"] button.fix', 'aria-pressed')).toBe('true');
    const { dependents } = await ok(DEPENDENTS, { level: 'SYSTEM', key: 'crm', blueprintKey: key, maxDepth: 0 });
    const crmCards = dependents.actions.map((a: any) => a.action.key);
    expect(await overlayCards('fixed')).toEqual([...crmCards].sort());

    // A card's toggle adds the card to the same fix-set.
    await page.click('g.bp-cards g.bp-card[data-action="sp-replenish"]');
    await page.waitForSelector('#card-panel:not([hidden]) #card[data-action="sp-replenish"]');
    await page.click('#card button.fix');
    const both = await whatIfShown(crm.params);
    expect(both).toMatchObject(await apiWhatIf([crmFix, { level: 'ACTION', key: 'sp-replenish', blueprintKey: key }]));
    expect(both.removed).toBeGreaterThan(crm.removed);
    expect(await overlayCards('fixed')).toEqual([...crmCards, 'sp-replenish'].sort());
    expect(await page.$$eval('#what-if .fix-set .fix', (chips) => chips.map((chip) => chip.getAttribute('data-thing')))).toEqual([
      'system:crm',
      `action:${key}/sp-replenish`,
    ]);
    await screenshot(page, 'what-if');

    // A department and a step: the independent case that resolves a pain point, marked on the grid.
    await page.click('#what-if button.clear-fixes');
    await page.waitForSelector('#what-if-panel[hidden]', { state: 'attached' });
    expect(await overlayCards('fixed')).toEqual([]);
    await chooseLevel('Departments', 'DEPARTMENT');
    await page.click('#root-causes li[data-department="customer-service"] button.fix');
    const department = await whatIfShown(null);
    await chooseLevel('Steps', 'STEP');
    await page.click('#blame li.entry[data-key="search-help"] button.fix');
    const resolving = await whatIfShown(department.params);
    const fixes = [
      { level: 'DEPARTMENT', key: 'customer-service' },
      { level: 'STEP', key: 'search-help', blueprintKey: key },
    ];
    expect(resolving).toMatchObject(await apiWhatIf(fixes));
    expect(resolving.removed).toBeCloseTo(EXPECTED.whatIf[1].removedImpact, 12);
    expect(resolving.resolved).toBe(1);
    expect(await page.$$eval('g.bp-markers g.bp-pain.resolved', (markers) => markers.map((m) => m.getAttribute('data-pain')))).toEqual([
      'help-hidden',
    ]);

    // The fix-set follows the page's parameters.
    await page.fill('#depth', '0');
    const shallow = await whatIfShown(resolving.params);
    const { whatIf } = await ok(`query($fixes: [FixInput!]!, $b: String) { whatIf(fixes: $fixes, blueprintKey: $b, maxDepth: 0) { removedImpact } }`, {
      fixes,
      b: key,
    });
    expect(shallow.removed).toBe(whatIf.removedImpact);
  });

  it('shows what relies on a department or a card, as dependents lists it', async () => {
    await open();
    await page.click('#root-causes li[data-department="it"] button.relies');
    await page.waitForSelector('#dependents[data-params]');
    const { dependents } = await ok(DEPENDENTS, { level: 'DEPARTMENT', key: 'it', blueprintKey: key, maxDepth: 6 });
    const at = (distance: (d: number) => boolean) =>
      dependents.actions
        .filter((a: any) => distance(a.distance))
        .map((a: any) => a.action.key)
        .sort();
    expect(await overlayCards('relied-on')).toEqual(at((d) => d === 0));
    expect(await overlayCards('dependent')).toEqual(at((d) => d > 0));
    expect(at((d) => d > 0).length).toBeGreaterThan(0);
    expect(await page.$$eval('#dependents table.dependent-actions tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-action'), Number(r.getAttribute('data-distance'))]))).toEqual(
      dependents.actions.map((a: any) => [a.action.key, a.distance]),
    );
    expect(await page.$$eval('#dependents ul.dependent-departments li', (items) => items.map((li) => li.getAttribute('data-department')))).toEqual(
      dependents.departments.map((d: any) => d.key),
    );
    expect(await page.$$eval('#dependents ul.at-risk li', (items) => items.map((li) => li.getAttribute('data-pain')))).toEqual(
      dependents.painPoints.map((p: any) => p.key),
    );
    await screenshot(page, 'dependents');

    await page.click('g.bp-cards g.bp-card[data-action="sp-order-sync"]');
    await page.click('#card button.relies');
    await page.waitForSelector('#dependents[data-params^="action:"]');
    const card = await ok(DEPENDENTS, { level: 'ACTION', key: 'sp-order-sync', blueprintKey: key, maxDepth: 6 });
    expect(await overlayCards('relied-on')).toEqual(['sp-order-sync']);
    expect(await overlayCards('dependent')).toEqual(
      card.dependents.actions
        .filter((a: any) => a.distance > 0)
        .map((a: any) => a.action.key)
        .sort(),
    );
  });

  it('ranks the opportunities as the API does, and a card link opens its fix-set', async () => {
    const p = `${uniqueKey('opp')}-`;
    const gone = `${p}gone`;
    await ok(IMPORT_KEY, { document: { ...repairCurrent(p), key: gone }, mode: 'CREATE' });
    const opportunities = [
      { key: `${p}parts`, title: 'Replenish parts weekly', effort: 2, status: 'PLANNED', owner: 'logistics', fixes: [{ level: 'STEP', key: 'wait-part', blueprintKey: key }] },
      { key: `${p}help`, title: 'Show the hotline', effort: 1, fixes: [{ level: 'ACTION', key: 'fs-help-page', blueprintKey: key }] },
      {
        key: `${p}stale`,
        title: 'Fix a gone journey',
        effort: 5,
        status: 'IN_PROGRESS',
        fixes: [
          { level: 'ACTION', key: 'c1', blueprintKey: gone },
          { level: 'ACTION', key: 'sp-order-sync', blueprintKey: key },
        ],
      },
    ];
    for (const input of opportunities) await ok(UPSERT, { input });
    await ok('mutation($key: String!) { deleteBlueprint(key: $key) }', { key: gone });

    await page.goto(`${api.url}/opportunities`);
    const mine = new Set(opportunities.map((o) => o.key));
    const rows = (await page.$$eval('table.opportunities tbody tr', (trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-opportunity'),
        removed: Number(tr.getAttribute('data-removed')),
        cells: ['status-cell', 'effort', 'owner', 'removed', 'share', 'resolves', 'per-effort'].map((c) => tr.querySelector(`td.${c}`)!.textContent),
        stale: Array.from(tr.querySelectorAll('td.fixes li.stale')).map((li) => li.textContent),
        cards: Array.from(tr.querySelectorAll('td.cards a')).map((a) => [a.getAttribute('data-blueprint'), a.parentElement!.textContent]),
      })),
    )).filter((row) => mine.has(row.key!));
    const listed = (await ok(OPPORTUNITIES)).opportunities.filter((o: any) => mine.has(o.key));
    const status: Record<string, string> = { IDEA: 'Idea', PLANNED: 'Planned', IN_PROGRESS: 'In progress' };
    expect(rows.map(({ key: k, removed, cells }) => ({ key: k, removed, cells }))).toEqual(
      listed.map((o: any) => ({
        key: o.key,
        removed: o.removedImpact,
        cells: [
          status[o.status],
          String(o.effort),
          o.owner?.name ?? '\u2013',
          formatFigure(o.removedImpact),
          formatShare(o.removedShare),
          String(o.resolvedPainPoints),
          formatFigure(o.valuePerEffort),
        ],
      })),
    );
    expect(listed.map((o: any) => o.key).sort()).toEqual([...mine].sort());
    const values = listed.map((o: any) => o.valuePerEffort);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get(`${p}stale`)!.stale).toEqual([`action:${gone}/c1 (stale)`]);
    expect(byKey.get(`${p}parts`)!.cards).toEqual([[key, 'After-sales repair of a defective washing machine (4 cards)']]);
    await screenshot(page, 'opportunities');

    // The link opens the blueprint with the opportunity's fix-set, over every blueprint as its value is.
    await page.click(`tr[data-opportunity="${p}parts"] td.cards a`);
    await page.waitForSelector('#root-causes[data-params]');
    expect(page.url()).toBe(`${api.url}/blueprints/${key}?opportunity=${encodeURIComponent(`${p}parts`)}`);
    const opened = await whatIfShown(null);
    expect(await page.isChecked('input[name=scope][value=all]')).toBe(true);
    const parts = listed.find((o: any) => o.key === `${p}parts`);
    expect(opened.removed).toBeCloseTo(parts.removedImpact, 12);
    expect(await page.textContent('#what-if .opportunity')).toBe('Opportunity: Replenish parts weekly');
    expect((await overlayCards('fixed')).length).toBe(4);
  });
});
