import { blueprintHref } from './hrefs';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { BlueprintComparison } from '../comparison/models/comparison.models';
import { VersionEntry } from '../history/blueprint-history';
import { VersionedKey, versionedKeyText } from '../history/versioned-key';
import { LintFinding } from '../lint/lint-document';
import { escapeXml } from './markup';
import { formatFigure } from './scales';

/** The pages' parts for living blueprints: the history panel, the lint list, the banner of an old version, the compare view. Pure. */

export const LIVING_STYLE = `
ol.history, ol.lint { list-style: none; margin: 0; padding: 0; font-size: 12px; }
ol.history li { padding: 4px 0; border-bottom: 1px solid #e3e8ee; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
ol.history li.current { font-weight: 600; }
ol.history .version { font-variant-numeric: tabular-nums; }
ol.history .actions { grid-column: 1 / 3; display: flex; gap: 10px; }
ol.lint li { margin-bottom: 6px; }
ol.lint button.finding { all: unset; cursor: pointer; display: block; width: 100%; }
ol.lint button.finding:focus-visible { outline: 2px solid #0b69a3; }
ol.lint button.finding[aria-pressed=true] { background: #fff3bf; }
.severity { font-size: 10px; font-weight: 700; padding: 1px 5px; border-radius: 8px; }
.severity.warning { background: #ffe3e3; color: #b3261e; }
.severity.info { background: #e7f5ff; color: #0b69a3; }
.banner { margin: 8px 16px 0; padding: 8px 12px; background: #fff3bf; border: 1px solid #f0c36d; border-radius: 6px; display: flex; gap: 14px; align-items: center; flex-wrap: wrap; }
.bp-svg .bp-overlay .bp-card.linted rect { stroke: #f08c00; stroke-width: 3.5; }
ul.changes { margin: 0; padding-left: 16px; font-size: 12px; }
ul.changes li.added { color: #2b8a3e; }
ul.changes li.removed { color: #b3261e; }
ul.changes li.changed { color: #d9480f; }
.paired { list-style: none; margin: 0; padding: 0; font-size: 12px; }
.paired li { display: grid; grid-template-columns: 1fr auto; gap: 2px 6px; margin-bottom: 8px; }
.paired .bars { grid-column: 1 / 3; display: grid; gap: 2px; }
.paired .bar { height: 8px; background: #e3e8ee; border-radius: 4px; overflow: hidden; }
.paired .bar span { display: block; height: 100%; }
.paired .bar.before span { background: #9aa5b1; }
.paired .bar.after span { background: #0b69a3; }
.legend-marks span { margin-right: 12px; }
.legend-marks .added { color: #2f9e44; font-weight: 700; }
.legend-marks .changed { color: #e8590c; font-weight: 700; }
`;

/** The time of a version as people read it, in UTC. */
export function shownTime(at: string): string {
  return at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function compareHref(from: VersionedKey, to: VersionedKey): string {
  return `/compare?from=${encodeURIComponent(versionedKeyText(from))}&to=${encodeURIComponent(versionedKeyText(to))}`;
}


/** The kept versions, newest first: each can be opened read-only, compared with the current one, or restored. */
export function historyPanel(key: string, versions: VersionEntry[], current: number, shown: number): string {
  const items = versions.map((entry) => {
    const links = [
      entry.version === shown ? '<span>shown</span>' : `<a href="${escapeXml(`${blueprintHref(key)}?version=${entry.version}`)}">Open</a>`,
      entry.version === current ? '' : `<a href="${escapeXml(compareHref({ key, version: entry.version }, { key }))}">Compare with current</a>`,
      entry.version === current
        ? ''
        : `<button type="button" class="restore" data-version="${entry.version}">Restore version ${entry.version}</button>`,
    ];
    return (
      `<li data-version="${entry.version}"${entry.version === current ? ' class="current"' : ''}>` +
      `<span class="version">v${entry.version}</span>` +
      `<span><time datetime="${escapeXml(entry.at)}">${escapeXml(shownTime(entry.at))}</time> · ` +
      `<span class="operation">${escapeXml(entry.operation)}</span> · <span class="author">${escapeXml(entry.author ?? 'anonymous')}</span></span>` +
      `<span class="actions">${links.filter(Boolean).join('')}</span></li>`
    );
  });
  const list = items.length > 0 ? `<ol class="history">${items.join('')}</ol>` : '<p class="hint">No versions are kept for this blueprint.</p>';
  return `<section class="panel" id="history-panel"><h2>History</h2>${list}</section>`;
}

/** The cards a finding is about: the action at its path, a step's actions, or a pain point's action and causes. */
export function findingCards(document: BlueprintDocument, path: string): string[] {
  const indices = [...path.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  if (path.startsWith('document.painPoints[')) {
    const painPoint = (document.painPoints ?? [])[indices[0]];
    return painPoint ? [painPoint.action, ...(painPoint.causes ?? [])] : [];
  }
  const step = document.stages[indices[0]]?.steps[indices[1]];
  if (!step) return [];
  if (!path.includes('.actions[')) return step.actions.map((action) => action.key);
  const action = step.actions[indices[2]];
  return action ? [action.key] : [];
}

export function lintPanel(document: BlueprintDocument, findings: LintFinding[]): string {
  const items = findings.map(
    (finding) =>
      `<li><button type="button" class="finding" aria-pressed="false" data-rule="${finding.rule}" data-path="${escapeXml(finding.path)}" ` +
      `data-cards="${escapeXml(findingCards(document, finding.path).join(' '))}">` +
      `<span class="severity ${finding.severity.toLowerCase()}">${finding.severity}</span> <strong>${finding.rule}</strong> ` +
      `<code>${escapeXml(finding.path.replace(/^document\./, ''))}</code><br><span class="message">${escapeXml(finding.message)}</span></button></li>`,
  );
  const list = items.length > 0 ? `<ol class="lint">${items.join('')}</ol>` : '<p class="hint">Nothing to fix: no findings.</p>';
  return (
    `<section class="panel" id="lint-panel"><h2>Lint</h2>` +
    '<p class="hint">Structural checks before a review. Click a finding to see its cards.</p>' +
    `${list}</section>`
  );
}

/** Above an old version's grid: what is shown, and the ways back. */
export function versionBanner(key: string, shown: number, current: number): string {
  return (
    `<div class="banner" role="note" id="version-banner">Version ${shown} of this blueprint, read-only; it is now at version ${current}.` +
    `<a href="${escapeXml(blueprintHref(key))}">Back to the current version</a>` +
    `<a href="${escapeXml(compareHref({ key, version: shown }, { key }))}">Compare with the current version</a>` +
    `<button type="button" class="restore" data-version="${shown}">Restore version ${shown}</button></div>`
  );
}

const CHANGE_LABEL = { ADDED: 'added', REMOVED: 'removed', CHANGED: 'changed' } as const;

function changeList(title: string, changes: { key: string; change: keyof typeof CHANGE_LABEL; fields: string[] }[]): string {
  if (changes.length === 0) return '';
  const items = changes.map(
    (change) =>
      `<li class="${CHANGE_LABEL[change.change]}" data-key="${escapeXml(change.key)}" data-change="${change.change}">` +
      `${escapeXml(change.key)} ${CHANGE_LABEL[change.change]}${change.fields.length ? `: ${escapeXml(change.fields.join(', '))}` : ''}</li>`,
  );
  return `<h3>${title}</h3><ul class="changes" data-kind="${title.toLowerCase()}">${items.join('')}</ul>`;
}

/** Each department's blame before and after as a pair of bars, on one scale. */
function pairedBars(comparison: BlueprintComparison): string {
  if (comparison.departments.length === 0) return '<p class="hint">No department\u2019s blame changes.</p>';
  const max = Math.max(...comparison.departments.flatMap((row) => [row.before, row.after]));
  const width = (value: number) => `${max > 0 ? ((100 * value) / max).toFixed(2) : 0}%`;
  const items = comparison.departments.map(
    (row) =>
      `<li data-department="${escapeXml(row.department.key)}" data-before="${row.before}" data-after="${row.after}">` +
      `<span class="name">${escapeXml(row.department.name)}</span>` +
      `<span class="figures-cell">${escapeXml(formatFigure(row.before))} → ${escapeXml(formatFigure(row.after))}</span>` +
      `<span class="bars"><span class="bar before" title="before"><span style="width:${width(row.before)}"></span></span>` +
      `<span class="bar after" title="after"><span style="width:${width(row.after)}"></span></span></span></li>`,
  );
  return `<ul class="paired">${items.join('')}</ul>`;
}

/** The compare view: the `to` blueprint drawn with its added and changed cards and arrows marked (`svg`), and what changed beside it. */
export function comparePanels(comparison: BlueprintComparison, from: VersionedKey, to: VersionedKey): string {
  const dependencies = comparison.dependencies.map((d) => ({ key: `${d.from} -> ${d.to}`, change: d.change, fields: [] as string[] }));
  const handoffs = comparison.handoffs.map(
    (h) =>
      `<li data-from="${escapeXml(h.from.key)}" data-to="${escapeXml(h.to.key)}">${escapeXml(h.from.name)} → ${escapeXml(h.to.name)}: ` +
      `${h.before} → ${h.after}</li>`,
  );
  const changes = [
    comparison.properties.length > 0 ? `<p>Blueprint fields: ${escapeXml(comparison.properties.join(', '))}</p>` : '',
    changeList('Stages', comparison.stages),
    changeList('Steps', comparison.steps),
    changeList('Actions', comparison.actions),
    changeList('Pain points', comparison.painPoints),
    changeList('Dependencies', dependencies),
  ].join('');
  return [
    '<section class="panel" id="blame-panel"><h2>Blame before and after</h2>',
    `<div class="figures"><span>total impact ${escapeXml(formatFigure(comparison.totalImpactBefore))} → ` +
      `${escapeXml(formatFigure(comparison.totalImpactAfter))}</span></div>`,
    '<p class="hint">Grey: before (from); blue: after (to). Default parameters.</p>',
    pairedBars(comparison),
    '</section>',
    `<section class="panel" id="changes-panel"><h2>What changed</h2>${changes || '<p class="hint">Nothing differs.</p>'}</section>`,
    `<section class="panel" id="handoffs-panel"><h2>Handoffs</h2>` +
      (handoffs.length > 0 ? `<ul class="changes">${handoffs.join('')}</ul>` : '<p class="hint">No handoff count changes.</p>') +
      '</section>',
    `<p class="hint"><a href="${escapeXml(compareHref(to, from))}">Swap the two sides</a></p>`,
  ].join('\n');
}

/** The marks of the `to` grid: its added and changed cards, its added arrows. */
export function comparisonMarks(comparison: BlueprintComparison): { cards: Map<string, string>; edges: Map<string, string> } {
  const cards = new Map<string, string>();
  for (const change of comparison.actions) if (change.change !== 'REMOVED') cards.set(change.key, CHANGE_LABEL[change.change]);
  const edges = new Map<string, string>();
  for (const dependency of comparison.dependencies) if (dependency.change === 'ADDED') edges.set(`${dependency.from} -> ${dependency.to}`, 'added');
  return { cards, edges };
}
