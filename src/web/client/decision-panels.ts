/// <reference lib="dom" />
/**
 * From causes to decisions on a blueprint page: the level switch of the
 * root-cause panel, a fix-set built from "What if we fix this" toggles on
 * entries and cards (with what it removes), and "What relies on this". Every
 * figure is the API's (blame, whatIf, dependents, opportunity); the page only
 * chooses which cards to highlight (analysis/things.ts).
 */
import { blueprintHref } from '../hrefs';
import { Thing, cardMatches, thingText } from '../../analysis/things';
import { formatFigure, formatShare } from '../scales';
import { Picture } from './picture';
import { GraphQL, byId, cardLabel, cardName, cardOfElement, copyMarked, el, figuresTable, rankedEntryButton, rankingOf } from './dom';

const BLAME = `
query Blame($level: BlameLevel!, $blueprintKey: String, $states: [BlueprintState!], $retention: Float, $maxDepth: Int) {
  blame(level: $level, blueprintKey: $blueprintKey, states: $states, retention: $retention, maxDepth: $maxDepth) {
    level totalImpact unplacedImpact painPointCount entries { rank key name blueprintKey score share painPointCount }
  }
}`;

const WHAT_IF = `
query WhatIf($fixes: [FixInput!]!, $blueprintKey: String, $states: [BlueprintState!], $retention: Float, $maxDepth: Int) {
  whatIf(fixes: $fixes, blueprintKey: $blueprintKey, states: $states, retention: $retention, maxDepth: $maxDepth) {
    totalImpact removedImpact remainingImpact removedShare resolvedPainPoints
    painPoints { painPoint { key title blueprintKey } impact removed remaining resolved }
    departments { department { key name } before after }
  }
}`;

const DEPENDENTS = `
query Dependents($level: BlameLevel!, $key: String!, $blueprintKey: String, $maxDepth: Int) {
  dependents(level: $level, key: $key, blueprintKey: $blueprintKey, maxDepth: $maxDepth) {
    actions { blueprintKey distance action { key name } }
    blueprints customerActions departments { key name } painPoints { key title blueprintKey }
  }
}`;

const OPPORTUNITY = `
query Opportunity($key: String!) {
  opportunity(key: $key) { key title fixes { level key blueprintKey } staleFixes { level key blueprintKey } }
}`;

/** What a level's thing is called on a chip and a heading. */
const LEVEL_NOUNS: Record<string, string> = {
  DEPARTMENT: 'Department',
  ROLE: 'Role',
  SYSTEM: 'System',
  PROCESS: 'Process',
  STEP: 'Step',
  ACTION: 'Card',
};
/** The levels `dependents` answers for. */
const DEPENDENT_LEVELS = new Set(['DEPARTMENT', 'ROLE', 'SYSTEM', 'PROCESS', 'ACTION']);

interface BlameEntry {
  rank: number;
  key: string;
  name: string;
  blueprintKey: string | null;
  score: number;
  share: number;
  painPointCount: number;
}
interface BlameReport {
  level: string;
  totalImpact: number;
  unplacedImpact: number;
  painPointCount: number;
  entries: BlameEntry[];
}
interface WhatIfReport {
  totalImpact: number;
  removedImpact: number;
  remainingImpact: number;
  removedShare: number;
  resolvedPainPoints: number;
  painPoints: { painPoint: { key: string; title: string; blueprintKey: string }; impact: number; removed: number; remaining: number; resolved: boolean }[];
  departments: { department: { key: string; name: string }; before: number; after: number }[];
}
interface Dependents {
  actions: { blueprintKey: string; distance: number; action: { key: string; name: string } }[];
  blueprints: string[];
  customerActions: number;
  departments: { key: string; name: string }[];
  painPoints: { key: string; title: string; blueprintKey: string }[];
}
type Fix = Required<Thing>;

export interface AnalysisParams {
  scope: 'blueprint' | 'all';
  /** The states of the blueprints of "all blueprints"; null for this blueprint alone. */
  states: string[] | null;
  /** The scope as one text: `blueprint`, or `all:` and the states. */
  scopeId: string;
  retention: number;
  maxDepth: number;
  /** The parameters as one text, to tell which answer a panel shows. */
  id: string;
}

export interface DecisionContext {
  key: string;
  picture: Picture;
  graphql: GraphQL;
  showStatus(message: string, error?: boolean): void;
  clearHighlights(): void;
  params(): AnalysisParams;
  /** Every blueprint, of every state (an opportunity's value is over all of them). */
  showEveryBlueprint(): void;
}

export interface Decisions {
  /** The level the root-cause panel ranks by. */
  level(): string;
  /** "What if we fix this" and "What relies on this" for an entry or a card. */
  entryActions(thing: Thing, label: string): HTMLElement;
  /** Asks the API again for whatever is shown, with the page's scope, retention and depth. */
  refresh(): Promise<void>;
}

export function setupDecisions(context: DecisionContext): Decisions {
  const rootCausesBox = byId('root-causes');
  const blameBox = byId('blame');
  const whatIfPanel = byId('what-if-panel');
  const whatIfBox = byId('what-if');
  const dependentsPanel = byId('dependents-panel');
  const dependentsBox = byId('dependents');
  const cardPanel = byId('card-panel');
  const cardBox = byId('card');

  const fixes = new Map<string, { fix: Fix; label: string }>();
  let dependentsOf: { thing: Fix; label: string } | null = null;
  let opportunityTitle: string | null = null;
  let blameSequence = 0;
  let whatIfSequence = 0;
  let dependentsSequence = 0;

  const level = () => document.querySelector<HTMLInputElement>('input[name=level]:checked')?.value ?? 'DEPARTMENT';
  const scopeKey = () => (context.params().scope === 'all' ? null : context.key);
  const asFix = (thing: Thing): Fix => ({ level: thing.level, key: thing.key, blueprintKey: thing.blueprintKey ?? null });

  /** Draws copies of the cards a predicate picks, marked, in the overlay; which part owns the overlay is kept on it. */
  const highlight = (owner: string, mark: string, picks: (card: SVGGElement) => boolean, labels: SVGGElement[] = []) => {
    context.clearHighlights();
    context.picture.svg.classList.add('focused');
    const copies: SVGGElement[] = [];
    context.picture.cards.forEach((card) => {
      if (picks(card)) copies.push(copyMarked(card, mark));
    });
    context.picture.overlay.append(...copies, ...labels);
    context.picture.overlay.dataset.owner = owner;
    return copies.length;
  };
  const matching = (thing: Thing) => (card: SVGGElement) => cardMatches(cardOfElement(card), context.key, thing);

  // --- the fix-set ---------------------------------------------------------------

  const syncToggles = () => {
    document.querySelectorAll<HTMLButtonElement>('button.fix[data-thing]').forEach((button) => {
      button.setAttribute('aria-pressed', String(fixes.has(button.dataset.thing ?? '')));
    });
  };

  const toggleFix = (thing: Thing, label: string) => {
    const text = thingText(thing);
    if (fixes.has(text)) fixes.delete(text);
    else fixes.set(text, { fix: asFix(thing), label });
    opportunityTitle = null;
    syncToggles();
    void loadWhatIf();
  };

  const renderWhatIf = (report: WhatIfReport, id: string) => {
    const chips = [...fixes.entries()].map(([text, { label }]) => {
      const remove = el('button', { type: 'button', 'aria-label': `Remove ${label} from the fix-set` }, '\u00d7');
      remove.addEventListener('click', () => {
        fixes.delete(text);
        opportunityTitle = null;
        syncToggles();
        void loadWhatIf();
      });
      return el('span', { class: 'fix', 'data-thing': text }, label, remove);
    });
    const clear = el('button', { type: 'button', class: 'clear-fixes' }, 'Clear the fix-set');
    clear.addEventListener('click', () => {
      fixes.clear();
      opportunityTitle = null;
      syncToggles();
      void loadWhatIf();
    });
    const max = Math.max(0, ...report.departments.flatMap((row) => [row.before, row.after]));
    const width = (value: number) => `${max > 0 ? ((100 * value) / max).toFixed(2) : 0}%`;
    const bar = (kind: string, value: number) => {
      const fill = el('span');
      fill.style.width = width(value);
      return el('span', { class: `bar ${kind}`, title: kind }, fill);
    };
    whatIfBox.replaceChildren(
      ...(opportunityTitle ? [el('p', { class: 'opportunity' }, `Opportunity: ${opportunityTitle}`)] : []),
      el('div', { class: 'fix-set' }, ...chips, clear),
      el(
        'div',
        { class: 'figures' },
        el('span', { class: 'removed-figure' }, `removes ${formatFigure(report.removedImpact)}`),
        el('span', {}, `of ${formatFigure(report.totalImpact)} (${formatShare(report.removedShare)})`),
        el('span', {}, `remaining ${formatFigure(report.remainingImpact)}`),
        el('span', { class: 'resolved-count' }, `resolves ${report.resolvedPainPoints} pain point${report.resolvedPainPoints === 1 ? '' : 's'}`),
      ),
      el('h3', {}, 'Pain points it touches'),
      report.painPoints.length > 0
        ? figuresTable(
            'what-if-pain',
            ['Pain point', 'impact', 'removed', 'remaining', ''],
            report.painPoints.map((row) => ({
              attributes: {
                'data-pain': row.painPoint.key,
                'data-blueprint': row.painPoint.blueprintKey,
                'data-removed': String(row.removed),
                'data-resolved': String(row.resolved),
              },
              cells: [
                `${row.painPoint.title}${row.painPoint.blueprintKey === context.key ? '' : ` (${row.painPoint.blueprintKey})`}`,
                formatFigure(row.impact),
                formatFigure(row.removed),
                formatFigure(row.remaining),
                row.resolved ? el('span', { class: 'resolved' }, 'resolved') : '',
              ],
            })),
          )
        : el('p', { class: 'hint' }, 'This fix-set removes none of the blame in scope.'),
      el('h3', {}, 'Departments before and after'),
      el(
        'ul',
        { class: 'paired' },
        ...report.departments.map((row) =>
          el(
            'li',
            { 'data-department': row.department.key, 'data-before': String(row.before), 'data-after': String(row.after) },
            el('span', { class: 'name' }, row.department.name),
            el('span', { class: 'figures-cell' }, `${formatFigure(row.before)} \u2192 ${formatFigure(row.after)}`),
            el('span', { class: 'bars' }, bar('before', row.before), bar('after', row.after)),
          ),
        ),
      ),
    );
    Object.assign(whatIfBox.dataset, {
      params: id,
      removed: String(report.removedImpact),
      remaining: String(report.remainingImpact),
      total: String(report.totalImpact),
      resolved: String(report.resolvedPainPoints),
    });
    const fixList = [...fixes.values()].map(({ fix }) => fix);
    highlight('what-if', 'fixed', (card) => fixList.some((fix) => matching(fix)(card)));
    const resolved = new Set(report.painPoints.filter((row) => row.resolved && row.painPoint.blueprintKey === context.key).map((row) => row.painPoint.key));
    context.picture.svg.querySelectorAll<SVGGElement>('g.bp-pain').forEach((marker) => {
      if (resolved.has(marker.dataset.pain ?? '')) marker.classList.add('resolved');
    });
  };

  const loadWhatIf = async () => {
    const mine = ++whatIfSequence;
    if (fixes.size === 0) {
      whatIfPanel.hidden = true;
      whatIfBox.replaceChildren();
      for (const name of ['params', 'removed', 'remaining', 'total', 'resolved']) delete whatIfBox.dataset[name];
      if (context.picture.overlay.dataset.owner === 'what-if') context.clearHighlights();
      return;
    }
    const p = context.params();
    whatIfPanel.hidden = false;
    delete whatIfBox.dataset.params;
    context.showStatus('Working out what the fixes remove…');
    try {
      const { whatIf } = await context.graphql<{ whatIf: WhatIfReport }>(WHAT_IF, {
        fixes: [...fixes.values()].map(({ fix }) => fix),
        blueprintKey: scopeKey(),
        states: p.states,
        retention: p.retention,
        maxDepth: p.maxDepth,
      });
      if (mine !== whatIfSequence) return;
      renderWhatIf(whatIf, `${[...fixes.keys()].join(' ')}|${p.id}`);
      context.showStatus('');
    } catch (error) {
      if (mine === whatIfSequence) context.showStatus((error as Error).message, true);
    }
  };

  // --- what relies on it -----------------------------------------------------------

  const renderDependents = (answer: Dependents, label: string, id: string) => {
    const here = answer.actions.filter((a) => a.blueprintKey === context.key);
    const distance = new Map(here.map((a) => [a.action.key, a.distance]));
    const labels: SVGGElement[] = [];
    for (const [key, d] of distance) {
      const card = context.picture.cards.get(key);
      const tag = card && d > 0 ? cardLabel(card, `relies at ${d}`, 'dependent') : null;
      if (tag) labels.push(tag);
    }
    context.clearHighlights();
    context.picture.svg.classList.add('focused');
    const copies: SVGGElement[] = [];
    context.picture.cards.forEach((card, key) => {
      const d = distance.get(key);
      if (d !== undefined) copies.push(copyMarked(card, d === 0 ? 'relied-on' : 'dependent'));
    });
    context.picture.overlay.append(...copies, ...labels);
    context.picture.overlay.dataset.owner = 'dependents';

    const relying = answer.actions.filter((a) => a.distance > 0);
    const close = el('button', { type: 'button', class: 'clear' }, 'Close');
    close.addEventListener('click', () => {
      dependentsOf = null;
      dependentsPanel.hidden = true;
      if (context.picture.overlay.dataset.owner === 'dependents') context.clearHighlights();
    });
    dependentsBox.replaceChildren(
      el('h3', {}, `What relies on ${label}`),
      el(
        'div',
        { class: 'figures' },
        el('span', { class: 'relying-count' }, `${relying.length} action${relying.length === 1 ? '' : 's'} rely on it`),
        el('span', {}, `${answer.actions.length - relying.length} of its own`),
        el('span', {}, `${answer.customerActions} customer action${answer.customerActions === 1 ? '' : 's'}`),
        close,
      ),
      el('h4', {}, 'Departments that rely on it'),
      answer.departments.length > 0
        ? el('ul', { class: 'dependent-departments' }, ...answer.departments.map((d) => el('li', { 'data-department': d.key }, d.name)))
        : el('p', { class: 'hint' }, 'None.'),
      el('h4', {}, 'Pain points at risk'),
      answer.painPoints.length > 0
        ? el(
            'ul',
            { class: 'at-risk' },
            ...answer.painPoints.map((p) =>
              el('li', { 'data-pain': p.key, 'data-blueprint': p.blueprintKey }, p.title, p.blueprintKey === context.key ? '' : ` (${p.blueprintKey})`),
            ),
          )
        : el('p', { class: 'hint' }, 'None.'),
      el('h4', {}, 'Blueprints it reaches'),
      el(
        'ul',
        { class: 'reached-blueprints' },
        ...answer.blueprints.map((key) =>
          el('li', {}, key === context.key ? `${key} (this one)` : el('a', { href: blueprintHref(key) }, key)),
        ),
      ),
      el('h4', {}, 'Actions'),
      figuresTable(
        'dependent-actions',
        ['Action', 'distance'],
        answer.actions.map((a) => ({
          attributes: { 'data-action': a.action.key, 'data-blueprint': a.blueprintKey, 'data-distance': String(a.distance) },
          cells: [`${a.action.name}${a.blueprintKey === context.key ? '' : ` (${a.blueprintKey})`}`, String(a.distance)],
        })),
      ),
    );
    dependentsBox.dataset.params = id;
  };

  const loadDependents = async () => {
    if (!dependentsOf) return;
    const { thing, label } = dependentsOf;
    const p = context.params();
    const mine = ++dependentsSequence;
    dependentsPanel.hidden = false;
    delete dependentsBox.dataset.params;
    context.showStatus('Finding what relies on it…');
    try {
      const { dependents } = await context.graphql<{ dependents: Dependents }>(DEPENDENTS, {
        level: thing.level,
        key: thing.key,
        blueprintKey: thing.level === 'ACTION' ? thing.blueprintKey : scopeKey(),
        maxDepth: p.maxDepth,
      });
      if (mine !== dependentsSequence) return;
      renderDependents(dependents, label, `${thingText(thing)}|${p.scope}|${p.maxDepth}`);
      context.showStatus('');
    } catch (error) {
      if (mine === dependentsSequence) context.showStatus((error as Error).message, true);
    }
  };

  const entryActions = (thing: Thing, label: string): HTMLElement => {
    const text = thingText(thing);
    const fix = el('button', { type: 'button', class: 'fix', 'data-thing': text, 'aria-pressed': String(fixes.has(text)) }, 'What if we fix this');
    fix.addEventListener('click', () => toggleFix(thing, label));
    const buttons: HTMLElement[] = [fix];
    if (DEPENDENT_LEVELS.has(thing.level)) {
      const relies = el('button', { type: 'button', class: 'relies', 'data-thing': text }, 'What relies on this');
      relies.addEventListener('click', () => {
        dependentsOf = { thing: asFix(thing), label };
        void loadDependents();
      });
      buttons.push(relies);
    }
    return el('span', { class: 'entry-actions' }, ...buttons);
  };

  // --- blame at the other levels ------------------------------------------------------

  const renderBlame = (report: BlameReport, id: string) => {
    const maxShare = Math.max(0, ...report.entries.map((e) => e.share));
    const items = report.entries.map((entry) => {
      const thing: Thing = { level: report.level, key: entry.key, blueprintKey: entry.blueprintKey };
      const label = `${LEVEL_NOUNS[report.level]}: ${entry.name}`;
      const elsewhere = entry.blueprintKey && entry.blueprintKey !== context.key ? [el('small', {}, ` (${entry.blueprintKey})`)] : [];
      const button = rankedEntryButton(entry, [entry.name, ...elsewhere], maxShare);
      const item = el(
        'li',
        {
          class: 'entry',
          'data-key': entry.key,
          'data-blueprint': entry.blueprintKey ?? '',
          'data-rank': String(entry.rank),
          'data-score': String(entry.score),
          'data-share': String(entry.share),
        },
        button,
        entryActions(thing, label),
      );
      button.addEventListener('click', () => {
        const again = button.getAttribute('aria-pressed') === 'true';
        blameBox.querySelectorAll('button.department').forEach((b) => b.setAttribute('aria-pressed', 'false'));
        context.clearHighlights();
        if (again) return;
        button.setAttribute('aria-pressed', 'true');
        const shown = highlight('entry', 'owned', matching(thing));
        if (shown === 0) context.showStatus(`${entry.name} has no cards on this blueprint.`);
      });
      return item;
    });
    blameBox.replaceChildren(
      ...rankingOf(
        [`total impact ${formatFigure(report.totalImpact)}`, `unplaced ${formatFigure(report.unplacedImpact)}`, `${report.painPointCount} pain points`],
        items,
        'Nothing at this level carries blame here.',
      ),
    );
    Object.assign(blameBox.dataset, { level: report.level, params: id });
  };

  const loadBlame = async () => {
    const shown = level();
    const departments = shown === 'DEPARTMENT';
    rootCausesBox.hidden = !departments;
    blameBox.hidden = departments;
    if (departments) return;
    const p = context.params();
    const mine = ++blameSequence;
    delete blameBox.dataset.params;
    try {
      const { blame } = await context.graphql<{ blame: BlameReport }>(BLAME, {
        level: shown,
        blueprintKey: scopeKey(),
        states: p.states,
        retention: p.retention,
        maxDepth: p.maxDepth,
      });
      if (mine !== blameSequence) return;
      renderBlame(blame, p.id);
    } catch (error) {
      if (mine === blameSequence) context.showStatus((error as Error).message, true);
    }
  };

  document.querySelectorAll<HTMLInputElement>('input[name=level]').forEach((radio) =>
    radio.addEventListener('change', () => {
      if (context.picture.overlay.dataset.owner === 'entry') context.clearHighlights();
      void loadBlame();
    }),
  );

  // --- a card, clicked -----------------------------------------------------------------

  const selectCard = (card: SVGGElement) => {
    const key = card.dataset.action ?? '';
    const name = cardName(card);
    cardPanel.hidden = false;
    cardBox.replaceChildren(el('h3', {}, name), entryActions({ level: 'ACTION', key, blueprintKey: context.key }, `${LEVEL_NOUNS.ACTION}: ${name}`));
    cardBox.dataset.action = key;
  };
  context.picture.whenDrawn(() =>
    context.picture.cards.forEach((card) => {
      card.setAttribute('tabindex', '0');
      card.setAttribute('role', 'button');
      card.setAttribute('aria-label', `Card ${cardName(card)}`);
    }),
  );
  const onCard = (event: Event) => {
    const target = event.target as Element;
    if (target.closest('g.bp-pain')) return;
    const card = target.closest<SVGGElement>('g.bp-card');
    const original = card ? context.picture.cards.get(card.dataset.action ?? '') : undefined;
    if (!original) return;
    event.preventDefault();
    selectCard(original);
  };
  context.picture.canvas.addEventListener('click', onCard);
  context.picture.canvas.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') onCard(event);
  });

  // --- an opportunity, opened from /opportunities ----------------------------------------

  const openOpportunity = async (key: string) => {
    try {
      const { opportunity } = await context.graphql<{ opportunity: { title: string; fixes: Fix[]; staleFixes: Fix[] } | null }>(OPPORTUNITY, { key });
      if (!opportunity) {
        context.showStatus(`No opportunity has the key \u201c${key}\u201d.`, true);
        return;
      }
      // Its value is over every blueprint; a stale fix names nothing and removes nothing.
      context.showEveryBlueprint();
      const stale = new Set(opportunity.staleFixes.map(thingText));
      for (const fix of opportunity.fixes) {
        if (!stale.has(thingText(fix))) fixes.set(thingText(fix), { fix: asFix(fix), label: thingText(fix) });
      }
      opportunityTitle = opportunity.title;
      syncToggles();
      await loadWhatIf();
    } catch (error) {
      context.showStatus((error as Error).message, true);
    }
  };
  const opportunityKey = new URLSearchParams(window.location.search).get('opportunity');
  if (opportunityKey) void openOpportunity(opportunityKey);

  return {
    level,
    entryActions,
    refresh: async () => {
      await Promise.all([loadBlame(), loadWhatIf(), loadDependents()]);
      syncToggles();
    },
  };
}
