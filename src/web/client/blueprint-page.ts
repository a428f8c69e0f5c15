/// <reference lib="dom" />
/**
 * The blueprint page's script, bundled for the browser by scripts/build-client.js.
 * The grid is drawn on the server; this adds what needs the API: pain traces,
 * the root-cause panel and the cross-department matrix, all through /graphql.
 */
import { cardMatches } from '../../analysis/things';
import { formatFigure, formatShare, traceEdgeWidth } from '../scales';
import { AnalysisParams, setupDecisions } from './decision-panels';
import { byId, cardLabel, cardOfElement, copyMarked, el, figuresTable, graphql, rankedEntryButton, rankingOf } from './dom';
import { setupDuplicate, setupNewBlueprint, setupPngDownload } from './blueprint-actions';
import { setupEditor } from './editor';
import { setupLive } from './live-page';
import { Picture } from './picture';
import { setupLivingPanels } from './living-panels';

/** What the server tells the script about the page (pages.ts, blueprintPage). */
interface PageData {
  key: string;
  name: string;
  version: number | null;
  current: number | null;
  readOnly: boolean;
  /** Whether the key that opened the page may edit (designer or admin). */
  canEdit: boolean;
}

interface DepartmentRef {
  key: string;
  name: string;
}
interface RootCauseRow {
  rank: number;
  department: DepartmentRef;
  score: number;
  share: number;
  contributions?: {
    painPoint: { key: string; title: string; blueprintKey: string };
    score: number;
    chains: { actions: { name: string }[]; mass: number }[];
  }[];
}
interface RootCauseReport {
  totalImpact: number;
  unattributedImpact: number;
  painPointCount: number;
  departments: RootCauseRow[];
}
interface Dependency {
  from: DepartmentRef;
  to: DepartmentRef;
  handoffs: number;
  impact: number;
  blueprints: string[];
}
interface Trace {
  painPoint: { key: string; title: string; category: string };
  impact: number;
  unattributed: number;
  nodes: { action: { key: string; name: string }; depth: number; received: number; kept: number; departments: DepartmentRef[] }[];
  edges: { from: { key: string }; to: { key: string }; mass: number }[];
}

const ANALYSIS = `
query Analysis($blueprintKey: String, $states: [BlueprintState!], $retention: Float, $maxDepth: Int) {
  rootCauses(blueprintKey: $blueprintKey, states: $states, retention: $retention, maxDepth: $maxDepth) {
    totalImpact unattributedImpact painPointCount
    departments { rank department { key name } score share
      contributions { painPoint { key title blueprintKey } score chains(limit: 1) { actions { name } mass } } }
  }
  departmentDependencies(blueprintKey: $blueprintKey, states: $states) { from { key name } to { key name } handoffs impact blueprints }
}`;

const TRACE = `
query Trace($blueprintKey: String!, $painPointKey: String!, $retention: Float, $maxDepth: Int) {
  painPointTrace(blueprintKey: $blueprintKey, painPointKey: $painPointKey, retention: $retention, maxDepth: $maxDepth) {
    painPoint { key title category } impact unattributed
    nodes { action { key name } depth received kept departments { key name } }
    edges { from { key } to { key } mass }
  }
  ends: rootCauses(blueprintKey: $blueprintKey, painPointKeys: [$painPointKey], retention: $retention, maxDepth: $maxDepth) {
    departments { rank department { key name } score share }
  }
}`;

/** How many department pairs the list beside the matrix names. */
const HEAVIEST_PAIRS = 10;

function main(): void {
  if (document.getElementById('list-data')) {
    const list = JSON.parse(byId('list-data').textContent ?? '{}') as { canEdit: boolean };
    if (list.canEdit) setupNewBlueprint(graphql);
    return;
  }
  let data = JSON.parse(byId('blueprint-data').textContent ?? '{}') as PageData;
  const picture = new Picture(byId('canvas'));
  if (!picture.present) return;
  const status = byId('status');

  const showStatus = (message: string, error = false) => {
    status.textContent = message;
    status.classList.toggle('error', error);
  };
  const clearHighlights = () => {
    picture.svg.classList.remove('focused');
    picture.svg.querySelectorAll('g.bp-pain.active, g.bp-pain.resolved').forEach((marker) => marker.classList.remove('active', 'resolved'));
    picture.overlay.replaceChildren();
    delete picture.overlay.dataset.owner;
  };
  const living = { key: data.key, current: () => data.current ?? 0, picture, graphql, showStatus, clearHighlights };
  setupLivingPanels(living);
  // An old version is read-only: the analysis panels describe the blueprint as it is now, so it has none.
  if (data.readOnly) return;

  const retention = byId<HTMLInputElement>('retention');
  const retentionRange = byId<HTMLInputElement>('retention-range');
  const depth = byId<HTMLInputElement>('depth');
  const rootCausesBox = byId('root-causes');
  const traceBox = byId('trace');
  const dependenciesBox = byId('dependencies');

  const decisions = setupDecisions({
    key: data.key,
    picture,
    graphql,
    showStatus,
    clearHighlights,
    params: () => params(),
    showEveryBlueprint: () => {
      document.querySelector<HTMLInputElement>('input[name=scope][value=all]')!.checked = true;
      document.querySelectorAll<HTMLInputElement>('input[name=state]').forEach((box) => (box.checked = true));
      followScope();
    },
  });

  let activePain: string | null = null;
  let activeDepartment: string | null = null;
  let analysisSequence = 0;
  let traceSequence = 0;

  const params = (): AnalysisParams => {
    const r = Number(retention.value);
    const d = Number(depth.value);
    const scope = (document.querySelector<HTMLInputElement>('input[name=scope]:checked')?.value ?? 'blueprint') as
      | 'blueprint'
      | 'all';
    const states = scope === 'all' ? Array.from(document.querySelectorAll<HTMLInputElement>('input[name=state]:checked'), (box) => box.value) : null;
    const scopeId = states ? `all:${states.join('+')}` : scope;
    return { scope, states, scopeId, retention: r, maxDepth: d, id: `${scopeId}|${r}|${d}` };
  };

  // --- highlighting ---------------------------------------------------------

  const clearTrace = () => {
    activePain = null;
    clearHighlights();
    traceBox.replaceChildren();
    delete traceBox.dataset.pain;
  };

  // --- pain trace -------------------------------------------------------------

  const renderTrace = (trace: Trace, ends: RootCauseRow[], id: string) => {
    clearHighlights();
    picture.svg.classList.add('focused');
    picture.svg.querySelectorAll(`g.bp-pain`).forEach((marker) => {
      if ((marker as SVGGElement).dataset.pain === trace.painPoint.key) marker.classList.add('active');
    });
    const hotEdges: SVGPathElement[] = [];
    const hitCards: SVGGElement[] = [];
    const labels: SVGGElement[] = [];
    const maxMass = Math.max(0, ...trace.edges.map((e) => e.mass));
    for (const edge of trace.edges) {
      const path = picture.edges.get(`${edge.from.key}\u0000${edge.to.key}`);
      if (!path) continue;
      const hot = copyMarked(path, 'hot');
      hot.style.strokeWidth = String(traceEdgeWidth(edge.mass, maxMass));
      hotEdges.push(hot);
    }
    for (const node of trace.nodes) {
      const card = picture.cards.get(node.action.key);
      if (!card) continue;
      hitCards.push(copyMarked(card, 'hit'));
      const label = cardLabel(card, `in ${formatFigure(node.received)} · kept ${formatFigure(node.kept)}`);
      if (label) labels.push(label);
    }
    picture.overlay.append(...hotEdges, ...hitCards, ...labels);

    const close = el('button', { type: 'button', class: 'clear' }, 'Clear');
    close.addEventListener('click', clearTrace);
    traceBox.replaceChildren(
      el('h3', {}, trace.painPoint.title),
      el(
        'div',
        { class: 'figures' },
        el('span', {}, `impact ${formatFigure(trace.impact)}`),
        el('span', {}, `unattributed ${formatFigure(trace.unattributed)}`),
        el('span', {}, `${trace.nodes.length} cards reached`),
        close,
      ),
      el('h4', {}, 'Ends in'),
      figuresTable(
        'ends',
        ['Department', 'blame', 'share'],
        ends.map((row) => ({
          attributes: { 'data-department': row.department.key },
          cells: [row.department.name, formatFigure(row.score), formatShare(row.share)],
        })),
      ),
      el('h4', {}, 'Cards reached'),
      figuresTable(
        'reached',
        ['Action', 'depth', 'received', 'kept'],
        trace.nodes.map((node) => ({
          attributes: { 'data-action': node.action.key },
          cells: [node.action.name, String(node.depth), formatFigure(node.received), formatFigure(node.kept)],
        })),
      ),
    );
    traceBox.dataset.pain = trace.painPoint.key;
    traceBox.dataset.params = id;
  };

  const loadTrace = async (painKey: string) => {
    activePain = painKey;
    activeDepartment = null;
    rootCausesBox.querySelectorAll('li.selected').forEach((li) => li.classList.remove('selected'));
    const p = params();
    const mine = ++traceSequence;
    showStatus('Tracing…');
    try {
      const result = await graphql<{ painPointTrace: Trace; ends: { departments: RootCauseRow[] } }>(TRACE, {
        blueprintKey: data.key,
        painPointKey: painKey,
        retention: p.retention,
        maxDepth: p.maxDepth,
      });
      if (mine !== traceSequence || activePain !== painKey) return;
      renderTrace(result.painPointTrace, result.ends.departments, `${painKey}|${p.retention}|${p.maxDepth}`);
      showStatus('');
    } catch (error) {
      showStatus((error as Error).message, true);
    }
  };

  // --- root causes ------------------------------------------------------------

  const selectDepartment = (key: string, item: HTMLLIElement) => {
    const again = activeDepartment === key;
    clearTrace();
    rootCausesBox.querySelectorAll('li.selected').forEach((li) => li.classList.remove('selected'));
    rootCausesBox.querySelectorAll('ul.contributions').forEach((list) => ((list as HTMLElement).hidden = true));
    if (again) {
      activeDepartment = null;
      return;
    }
    activeDepartment = key;
    item.classList.add('selected');
    picture.svg.classList.add('focused');
    const owned: SVGGElement[] = [];
    picture.cards.forEach((card) => {
      if (cardMatches(cardOfElement(card), data.key, { level: 'DEPARTMENT', key })) owned.push(copyMarked(card, 'owned'));
    });
    picture.overlay.append(...owned);
    const list = item.querySelector<HTMLUListElement>('ul.contributions');
    if (list) list.hidden = false;
  };

  const renderRootCauses = (report: RootCauseReport, id: string) => {
    const maxShare = Math.max(0, ...report.departments.map((d) => d.share));
    const items = report.departments.map((row) => {
      const button = rankedEntryButton(row, [row.department.name], maxShare);
      const contributions = el(
        'ul',
        { class: 'contributions' },
        ...(row.contributions ?? []).map((c) => {
          const chain = c.chains[0];
          return el(
            'li',
            { 'data-pain': c.painPoint.key },
            `${c.painPoint.title} `,
            el('small', {}, `(${c.painPoint.blueprintKey})`),
            ` ${formatFigure(c.score)}`,
            ...(chain ? [el('div', { class: 'chain' }, chain.actions.map((a) => a.name).join(' → '))] : []),
          );
        }),
      );
      contributions.hidden = true;
      const actions = decisions.entryActions({ level: 'DEPARTMENT', key: row.department.key }, `Department: ${row.department.name}`);
      const item = el('li', { 'data-department': row.department.key, 'data-rank': String(row.rank) }, button, actions, contributions);
      button.addEventListener('click', () => {
        selectDepartment(row.department.key, item);
        rootCausesBox.querySelectorAll('button.department').forEach((b) => b.setAttribute('aria-pressed', 'false'));
        if (activeDepartment) button.setAttribute('aria-pressed', 'true');
      });
      return item;
    });
    rootCausesBox.replaceChildren(
      ...rankingOf(
        [`total impact ${formatFigure(report.totalImpact)}`, `unattributed ${formatFigure(report.unattributedImpact)}`, `${report.painPointCount} pain points`],
        items,
        'No department receives blame here.',
      ),
    );
    rootCausesBox.dataset.params = id;
    if (activeDepartment) {
      const item = rootCausesBox.querySelector<HTMLLIElement>(`li[data-department="${CSS.escape(activeDepartment)}"]`);
      activeDepartment = null;
      if (item) item.querySelector('button')?.click();
      else clearHighlights();
    }
  };

  // --- dependencies -----------------------------------------------------------

  const renderDependencies = (rows: Dependency[], id: string) => {
    const departments = new Map<string, DepartmentRef>();
    for (const row of rows) {
      departments.set(row.from.key, row.from);
      departments.set(row.to.key, row.to);
    }
    const order = [...departments.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || a.key.localeCompare(b.key));
    const cell = new Map(rows.map((row) => [`${row.from.key}\u0000${row.to.key}`, row]));
    const maxImpact = Math.max(0, ...rows.map((r) => r.impact));
    if (order.length === 0) {
      dependenciesBox.replaceChildren(el('p', { class: 'hint' }, 'No department relies on another here.'));
      dependenciesBox.dataset.params = id;
      return;
    }
    const head = el('tr', {}, el('th', {}, 'relies on →'), ...order.map((d) => el('th', { scope: 'col' }, d.name)));
    const body = order.map((from) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, from.name),
        ...order.map((to) => {
          if (from.key === to.key) return el('td', { class: 'self' });
          const row = cell.get(`${from.key}\u0000${to.key}`);
          if (!row) return el('td');
          const td = el(
            'td',
            {
              'data-from': from.key,
              'data-to': to.key,
              title: `${from.name} relies on ${to.name}: ${row.handoffs} handoffs, impact ${formatFigure(row.impact)} (${row.blueprints.join(', ')})`,
            },
            String(row.handoffs),
          );
          const strength = maxImpact > 0 ? row.impact / maxImpact : 0;
          td.style.background = `rgba(214, 69, 69, ${(0.08 + 0.8 * strength).toFixed(3)})`;
          if (strength > 0.55) td.style.color = '#fff';
          return td;
        }),
      ),
    );
    // The API sorts by impact: the first pairs are where most of the customers' pain crossed departments.
    const heaviest = figuresTable(
      'heaviest',
      ['Relies on (most impact first)', 'handoffs', 'impact'],
      rows.slice(0, HEAVIEST_PAIRS).map((row) => ({
        attributes: { 'data-from': row.from.key, 'data-to': row.to.key },
        cells: [`${row.from.name} → ${row.to.name}`, String(row.handoffs), formatFigure(row.impact)],
      })),
    );
    dependenciesBox.replaceChildren(
      el('div', { class: 'dependency-views' }, el('table', { class: 'matrix' }, el('thead', {}, head), el('tbody', {}, ...body)), heaviest),
    );
    dependenciesBox.dataset.params = id;
  };

  // --- loading ------------------------------------------------------------------

  const refresh = async () => {
    const p = params();
    if (!(p.retention >= 0 && p.retention <= 1) || !Number.isInteger(p.maxDepth) || p.maxDepth < 0 || p.maxDepth > 20) {
      showStatus('Retention is from 0 to 1, depth a whole number from 0 to 20.', true);
      return;
    }
    const mine = ++analysisSequence;
    showStatus('Loading…');
    try {
      const result = await graphql<{ rootCauses: RootCauseReport; departmentDependencies: Dependency[] }>(ANALYSIS, {
        blueprintKey: p.scope === 'all' ? null : data.key,
        states: p.states,
        retention: p.retention,
        maxDepth: p.maxDepth,
      });
      if (mine !== analysisSequence) return;
      renderRootCauses(result.rootCauses, p.id);
      rootCausesBox.dataset.version = String(data.current ?? '');
      renderDependencies(result.departmentDependencies, p.scopeId);
      showStatus('');
      await decisions.refresh();
      if (activePain) await loadTrace(activePain);
    } catch (error) {
      showStatus((error as Error).message, true);
    }
  };

  let timer: number | undefined;
  const refreshSoon = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), 120);
  };

  byId<HTMLFormElement>('controls').addEventListener('submit', (event) => event.preventDefault());
  retention.addEventListener('input', () => {
    retentionRange.value = retention.value;
    refreshSoon();
  });
  retentionRange.addEventListener('input', () => {
    retention.value = retentionRange.value;
    refreshSoon();
  });
  depth.addEventListener('input', refreshSoon);
  const statesBox = byId<HTMLFieldSetElement>('states');
  const followScope = () => {
    statesBox.disabled = params().scope !== 'all';
    refreshSoon();
  };
  document.querySelectorAll<HTMLInputElement>('input[name=scope]').forEach((radio) => radio.addEventListener('change', followScope));
  document.querySelectorAll<HTMLInputElement>('input[name=state]').forEach((box) => box.addEventListener('change', refreshSoon));

  const onPain = (event: Event) => {
    const marker = (event.target as Element).closest<SVGGElement>('g.bp-pain');
    if (!marker?.dataset.pain) return;
    event.preventDefault();
    void loadTrace(marker.dataset.pain);
  };
  picture.whenDrawn(() =>
    picture.svg.querySelectorAll<SVGGElement>('g.bp-pain').forEach((marker) => {
      marker.setAttribute('tabindex', '0');
      marker.setAttribute('role', 'button');
    }),
  );
  picture.canvas.addEventListener('click', onPain);
  picture.canvas.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') onPain(event);
  });

  // Kept current: a write by anyone redraws the grid and the server-drawn panels, then the API's figures.
  const live = setupLive(
    {
      key: data.key,
      picture,
      showStatus,
      redrawn: (version) => {
        data = { ...data, version, current: version };
        setupLivingPanels(living);
        void refresh();
      },
    },
    data.current ?? 0,
  );
  setupPngDownload(data.key);
  if (data.canEdit) {
    setupEditor({ key: data.key, picture, graphql, showStatus, version: () => data.current ?? 0, redraw: (version) => live.redraw(version) });
    setupDuplicate(graphql, data.key, data.name);
  }

  void refresh();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
