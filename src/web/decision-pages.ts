import { opportunityHref } from './hrefs';
import { thingText } from '../analysis/things';
import type { Opportunity } from '../opportunities/models/opportunity.model';
import { escapeXml } from './markup';
import { formatFigure, formatShare } from './scales';

/**
 * The pages' parts for decisions: the level switch of the root-cause panel,
 * the what-if and dependents panels of a blueprint page (filled by the page
 * script, client/decision-panels.ts), and the rows of /opportunities. Pure.
 */

export const DECISION_STYLE = `
.panel h3 { font-size: 13px; margin: 10px 0 4px; }
.panel h4 { font-size: 12px; margin: 8px 0 3px; }
.levels { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 8px; border: 0; padding: 0; }
.levels label { font-size: 12px; padding: 2px 8px; border: 1px solid #bcccdc; border-radius: 12px; cursor: pointer; }
.levels input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.levels label:has(input:checked) { background: #102a43; color: #fff; border-color: #102a43; }
.levels label:has(input:focus-visible) { outline: 2px solid #0b69a3; }
.entry-actions { display: flex; gap: 6px; margin: 3px 0 0 28px; }
.entry-actions button, #card button, #what-if button { font-size: 11px; padding: 1px 6px; border: 1px solid #bcccdc; border-radius: 10px; background: #fff; cursor: pointer; }
.entry-actions button[aria-pressed=true], #card button[aria-pressed=true] { background: #2b8a3e; color: #fff; border-color: #2b8a3e; }
.fix-set { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 6px; }
.fix-set .fix { font-size: 11px; background: #ebfbee; border: 1px solid #8ce99a; border-radius: 10px; padding: 1px 4px 1px 8px; }
.fix-set .fix button { border: 0; background: none; padding: 0 2px; cursor: pointer; }
.removed-figure { font-weight: 700; color: #2b8a3e; }
#what-if td span.resolved { color: #2b8a3e; font-weight: 700; }
.bp-svg .bp-overlay .bp-card.fixed rect { stroke: #2b8a3e; stroke-width: 3.5; }
.bp-svg .bp-overlay .bp-card.relied-on rect { stroke: #7048e8; stroke-width: 3.5; }
.bp-svg .bp-overlay .bp-card.dependent rect { stroke: #ae3ec9; stroke-width: 2.5; stroke-dasharray: 5 3; }
.bp-svg .bp-overlay .bp-trace-label.dependent rect { fill: #ae3ec9; }
.bp-svg .bp-card { cursor: pointer; }
.bp-svg .bp-overlay { pointer-events: none; }
.bp-svg .bp-card:focus-visible rect { stroke: #0b69a3; stroke-width: 3; }
.bp-svg .bp-pain.resolved circle { stroke: #2b8a3e; stroke-width: 4; }
table.opportunities { border-collapse: collapse; background: #fff; width: 100%; box-shadow: 0 1px 2px rgba(0,0,0,.08); font-size: 13px; }
table.opportunities th, table.opportunities td { padding: 6px 10px; border-bottom: 1px solid #e3e8ee; text-align: left; vertical-align: top; }
table.opportunities td.num, table.opportunities th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.opportunities .stale { color: #b3261e; }
table.opportunities ul { margin: 0; padding-left: 14px; }
`;

/** The level switch: the levels a designer ranks by, departments first. */
export const PAGE_LEVELS: readonly { level: string; label: string }[] = [
  { level: 'DEPARTMENT', label: 'Departments' },
  { level: 'SYSTEM', label: 'Systems' },
  { level: 'ROLE', label: 'Roles' },
  { level: 'PROCESS', label: 'Processes' },
  { level: 'STEP', label: 'Steps' },
  { level: 'ACTION', label: 'Actions' },
];

export function levelSwitch(): string {
  const options = PAGE_LEVELS.map(
    ({ level, label }, i) => `<label><input type="radio" name="level" value="${level}"${i === 0 ? ' checked' : ''}> ${label}</label>`,
  );
  return `<fieldset class="levels" id="levels"><legend class="hint">Rank by</legend>${options.join('')}</fieldset>`;
}

/** The panels the page script fills: a selected card, a fix-set's outcome, what relies on a thing. */
export function decisionPanels(): string {
  return [
    '<section class="panel" id="card-panel" hidden><h2>Card</h2><div id="card"></div></section>',
    '<section class="panel" id="what-if-panel" hidden><h2>What if we fix this</h2>',
    '<p class="hint">The blame this fix-set carries today, in the scope above: an attribution of today\u2019s pain, not a forecast.</p>',
    '<div id="what-if"></div></section>',
    '<section class="panel" id="dependents-panel" hidden><h2>What relies on this</h2><div id="dependents"></div></section>',
  ].join('\n');
}

/** An opportunity as the /opportunities page lists it: the API's figures and where its fixes touch cards. */
export type OpportunityRow = Opportunity & {
  /** The blueprints with cards its fixes match, and how many. */
  cards: { blueprintKey: string; name: string; count: number }[];
};

const STATUS_LABELS: Record<string, string> = { IDEA: 'Idea', PLANNED: 'Planned', IN_PROGRESS: 'In progress', DONE: 'Done' };


export function opportunitiesTable(rows: OpportunityRow[]): string {
  if (rows.length === 0) {
    return (
      '<p>No opportunities yet. Name a fix-set with the <code>upsertOpportunity</code> mutation; ' +
      'a blueprint page\u2019s \u201cWhat if we fix this\u201d shows what one would remove.</p>'
    );
  }
  const body = rows.map((row, i) => {
    const stale = new Set(row.staleFixes.map(thingText));
    const fixes = row.fixes.map((fix) => {
      const text = thingText(fix);
      return stale.has(text) ? `<li class="stale" title="names nothing that exists now">${escapeXml(text)} (stale)</li>` : `<li>${escapeXml(text)}</li>`;
    });
    const cards = row.cards.map(
      (c) =>
        `<li><a href="${escapeXml(opportunityHref(c.blueprintKey, row.key))}" data-blueprint="${escapeXml(c.blueprintKey)}">` +
        `${escapeXml(c.name)}</a> (${c.count} ${c.count === 1 ? 'card' : 'cards'})</li>`,
    );
    return (
      `<tr data-opportunity="${escapeXml(row.key)}" data-removed="${row.removedImpact}" data-value-per-effort="${row.valuePerEffort}">` +
      `<td class="num">${i + 1}</td>` +
      `<td><strong>${escapeXml(row.title)}</strong><br><small>${escapeXml(row.key)}</small></td>` +
      `<td class="status-cell">${escapeXml(STATUS_LABELS[row.status] ?? row.status)}</td>` +
      `<td class="num effort">${row.effort}</td>` +
      `<td class="owner">${row.owner ? escapeXml(row.owner.name) : '\u2013'}</td>` +
      `<td class="num removed">${escapeXml(formatFigure(row.removedImpact))}</td>` +
      `<td class="num share">${escapeXml(formatShare(row.removedShare))}</td>` +
      `<td class="num resolves">${row.resolvedPainPoints}</td>` +
      `<td class="num per-effort">${escapeXml(formatFigure(row.valuePerEffort))}</td>` +
      `<td class="fixes"><ul>${fixes.join('')}</ul></td>` +
      `<td class="cards">${cards.length > 0 ? `<ul>${cards.join('')}</ul>` : '\u2013'}</td></tr>`
    );
  });
  return (
    '<table class="opportunities"><thead><tr><th class="num">#</th><th>Opportunity</th><th>Status</th><th class="num">Effort</th>' +
    '<th>Owner</th><th class="num">Removes</th><th class="num">Share</th><th class="num">Resolves</th><th class="num">Per effort</th>' +
    `<th>Fixes</th><th>Cards</th></tr></thead><tbody>${body.join('')}</tbody></table>`
  );
}
