import { blueprintHref } from './hrefs';
import { escapeXml, jsonForScript } from './markup';
import { CATEGORY_COLOURS, CATEGORY_LABELS, PainCategoryName, formatFigure } from './scales';
import { LIVING_STYLE } from './living-pages';
import { EDITOR_STYLE } from './editor-layer';
import { DECISION_STYLE, OpportunityRow, decisionPanels, levelSwitch, opportunitiesTable } from './decision-pages';

/** The HTML around the picture: the list of blueprints and the blueprint page. Pure: data in, HTML out. */

export const CLIENT_SCRIPT_PATH = '/assets/blueprint-page.js';

/** What the list shows of a blueprint. */
export interface BlueprintSummary {
  key: string;
  name: string;
  state: string;
  stages: number;
  steps: number;
  actions: number;
  painPoints: number;
  totalImpact: number;
}

interface SummaryInput {
  key: string;
  name: string;
  state: string;
  stages: { steps: { actions: unknown[] }[] }[];
  painPoints: { impact: number }[];
}

export function summarise(blueprint: SummaryInput): BlueprintSummary {
  const steps = blueprint.stages.flatMap((stage) => stage.steps);
  return {
    key: blueprint.key,
    name: blueprint.name,
    state: blueprint.state,
    stages: blueprint.stages.length,
    steps: steps.length,
    actions: steps.reduce((sum, step) => sum + step.actions.length, 0),
    painPoints: blueprint.painPoints.length,
    totalImpact: blueprint.painPoints.reduce((sum, p) => sum + p.impact, 0),
  };
}


const PAGE_STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font-family: 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif; font-size: 14px; color: #1f2933; background: #eef2f6; }
a { color: #0b69a3; }
header.top { display: flex; align-items: baseline; gap: 16px; padding: 10px 16px; background: #102a43; color: #fff; flex-wrap: wrap; }
header.top a { color: #bcdcf5; }
header.top button.link { all: unset; color: #bcdcf5; text-decoration: underline; cursor: pointer; }
header.top h1 { font-size: 18px; margin: 0; font-weight: 700; }
header.top .state { font-size: 11px; padding: 2px 8px; border-radius: 10px; background: #334e68; letter-spacing: 0.05em; }
header.top nav { margin-left: auto; display: flex; gap: 14px; }
main.list { padding: 16px; max-width: 1100px; }
main.list.wide { max-width: none; }
table.blueprints { border-collapse: collapse; background: #fff; width: 100%; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
table.blueprints th, table.blueprints td { padding: 8px 12px; border-bottom: 1px solid #e3e8ee; text-align: left; }
table.blueprints td.num, table.blueprints th.num { text-align: right; font-variant-numeric: tabular-nums; }
.controls { display: flex; gap: 20px; align-items: center; flex-wrap: wrap; padding: 8px 16px; background: #fff; border-bottom: 1px solid #d9e2ec; }
.controls fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; align-items: center; }
.controls legend { float: left; margin-right: 6px; font-weight: 600; }
.controls label { display: inline-flex; gap: 6px; align-items: center; }
.controls input[type=number] { width: 64px; }
.status { margin-left: auto; color: #486581; font-size: 12px; }
.status.error { color: #b3261e; font-weight: 600; }
.workspace { display: flex; gap: 12px; padding: 12px 16px; align-items: flex-start; }
.canvas { flex: 1 1 auto; min-width: 0; overflow: auto; max-height: calc(100vh - 120px); background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; }
.canvas svg { display: block; }
.side { flex: 0 0 360px; width: 360px; display: flex; flex-direction: column; gap: 12px; max-height: calc(100vh - 120px); overflow: auto; }
.panel { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 10px 12px; }
.panel h2 { font-size: 14px; margin: 0 0 8px; }
.panel .hint { color: #627d98; font-size: 12px; margin: 0; }
.panel table { border-collapse: collapse; width: 100%; font-size: 12px; }
.panel td, .panel th { padding: 3px 4px; text-align: left; vertical-align: top; }
.panel td.num, .panel th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figures { display: flex; gap: 14px; font-size: 12px; margin-bottom: 6px; flex-wrap: wrap; }
ol.ranking { list-style: none; margin: 0; padding: 0; }
ol.ranking li { margin: 0 0 6px; }
ol.ranking button.department { all: unset; cursor: pointer; display: grid; grid-template-columns: 22px 1fr auto; gap: 4px 6px; width: 100%; font-size: 12px; align-items: center; }
ol.ranking button.department:focus-visible { outline: 2px solid #0b69a3; }
ol.ranking .bar { grid-column: 2 / 4; height: 8px; background: #e3e8ee; border-radius: 4px; overflow: hidden; }
ol.ranking .bar span { display: block; height: 100%; background: #0b69a3; }
ol.ranking li.selected .bar span { background: #d64545; }
ol.ranking li.selected button.department { font-weight: 700; }
ol.ranking .figures-cell { font-variant-numeric: tabular-nums; white-space: nowrap; }
.contributions { margin: 4px 0 8px 28px; font-size: 12px; }
.contributions li { margin-bottom: 3px; }
.chain { color: #627d98; }
.dependencies { margin: 0 16px 16px; }
.matrix-wrap { overflow: auto; max-height: 70vh; }
table.matrix { border-collapse: collapse; font-size: 11px; width: auto; }
table.matrix th { font-weight: 600; padding: 2px 4px; white-space: nowrap; background: #fff; }
table.matrix thead th { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; height: 150px; vertical-align: bottom; position: sticky; top: 0; }
table.matrix tbody th { text-align: right; position: sticky; left: 0; }
table.matrix td { width: 26px; min-width: 26px; height: 24px; text-align: center; border: 1px solid #e3e8ee; font-variant-numeric: tabular-nums; }
table.matrix td.self { background: #f0f4f8; }
.dependency-views { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
table.heaviest { border-collapse: collapse; font-size: 12px; width: auto; }
table.heaviest td, table.heaviest th { padding: 3px 8px; border-bottom: 1px solid #e3e8ee; }
.legend-inline { font-size: 12px; color: #486581; }
.bp-svg .bp-pain { cursor: pointer; }
.bp-svg .bp-pain:hover circle, .bp-svg .bp-pain:focus circle { stroke: #102a43; stroke-width: 2.5; }
.bp-svg .bp-pain.active circle { stroke: #102a43; stroke-width: 3.5; }
.bp-svg.focused .bp-cards { opacity: 0.28; }
.bp-svg.focused .bp-edges { opacity: 0.15; }
.bp-svg .bp-card.hit rect { stroke: #d64545; stroke-width: 2.5; }
.bp-svg .bp-card.owned rect { stroke: #0b69a3; stroke-width: 2.5; }
.bp-svg .bp-edge.hot { stroke: #d64545; marker-end: url(#bp-arrow-hot); }
.bp-svg .bp-trace-label rect { fill: #d64545; }
.bp-svg .bp-trace-label text { fill: #fff; font-size: 10px; font-weight: 700; }
`;

function page(title: string, body: string, options: { script?: boolean } = {}): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${PAGE_STYLE}${LIVING_STYLE}${DECISION_STYLE}${EDITOR_STYLE}</style>`,
    options.script ? `<script src="${CLIENT_SCRIPT_PATH}" defer></script>` : '',
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

/** What the viewer may do, from the role of the key that opened the page. */
export interface PageAccess {
  /** Designers and admins edit; viewers see no edit controls. */
  canEdit: boolean;
}

export function listPage(blueprints: BlueprintSummary[], access: PageAccess = { canEdit: false }): string {
  const rows = blueprints.map(
    (b) =>
      `<tr data-blueprint="${escapeXml(b.key)}">` +
      `<td><a href="${escapeXml(blueprintHref(b.key))}">${escapeXml(b.name)}</a><br><small>${escapeXml(b.key)}</small></td>` +
      `<td>${escapeXml(b.state)}</td>` +
      `<td class="num">${b.stages}</td><td class="num">${b.steps}</td><td class="num">${b.actions}</td>` +
      `<td class="num">${b.painPoints}</td><td class="num" title="${b.totalImpact}">${escapeXml(formatFigure(b.totalImpact))}</td>` +
      `<td><a href="${escapeXml(blueprintHref(b.key))}.svg">SVG</a></td></tr>`,
  );
  const table =
    blueprints.length === 0
      ? `<p>No blueprints yet. ${access.canEdit ? 'Make one with <strong>New blueprint</strong>, or import' : 'Import'} one with the <code>importBlueprint</code> mutation or the <code>blueprint import</code> command.</p>`
      : '<table class="blueprints"><thead><tr><th>Blueprint</th><th>State</th><th class="num">Stages</th><th class="num">Steps</th>' +
        '<th class="num">Actions</th><th class="num">Pain points</th><th class="num">Total impact</th><th></th></tr></thead>' +
        `<tbody>${rows.join('')}</tbody></table>`;
  return page(
    'Blueprint Graph',
    `<header class="top"><h1>Blueprint Graph</h1><span>Service blueprints and the root causes of customer pain</span>` +
      `<nav><a href="/opportunities">Opportunities</a></nav></header>` +
      `<main class="list"><h2>Blueprints</h2>` +
      (access.canEdit ? '<p><button type="button" id="new-blueprint">New blueprint</button></p>' : '') +
      `${table}</main>` +
      `<script type="application/json" id="list-data">${jsonForScript({ canEdit: access.canEdit })}</script>`,
    { script: access.canEdit },
  );
}

export interface BlueprintPageInput {
  key: string;
  name: string;
  state: string;
  description: string | null;
  persona: { name: string } | null;
}

/** What a blueprint page shows of its history and lint (living-pages.ts), and whether it shows an old version. */
export interface LivingView {
  /** The history and lint panels. */
  panels: string;
  /** The version drawn, and the blueprint's current one. */
  version: number;
  current: number;
  /** Above the grid of an old version, which is read-only and has no analysis panels. */
  banner?: string;
}

export function blueprintPage(
  blueprint: BlueprintPageInput,
  svg: string,
  living?: LivingView,
  access: PageAccess = { canEdit: false },
): string {
  const legend = Object.entries(CATEGORY_COLOURS)
    .map(([category, colour]) => `<span style="color:${colour}">●</span> ${CATEGORY_LABELS[category as PainCategoryName]}`)
    .join(' &nbsp; ');
  const readOnly = living?.banner !== undefined;
  const analysisControls = [
    '<form class="controls" id="controls">',
    '<fieldset><legend>Root causes of</legend>',
    '<label><input type="radio" name="scope" value="blueprint" checked> this blueprint</label>',
    '<label><input type="radio" name="scope" value="all"> all blueprints</label></fieldset>',
    // Futures and days in the life are other stories of the same service: "all blueprints" means the current ones unless asked.
    '<fieldset id="states" disabled><legend>of states</legend>',
    '<label><input type="checkbox" name="state" value="CURRENT" checked> current</label>',
    '<label><input type="checkbox" name="state" value="FUTURE"> future</label>',
    '<label><input type="checkbox" name="state" value="DAY_IN_LIFE"> day in the life</label></fieldset>',
    '<label>Retention <input id="retention-range" type="range" min="0" max="1" step="0.05" value="0.5">',
    '<input id="retention" name="retention" type="number" min="0" max="1" step="0.05" value="0.5"></label>',
    '<label>Depth <input id="depth" name="depth" type="number" min="0" max="20" step="1" value="6"></label>',
    `<span class="legend-inline">${legend}</span>`,
    '<span class="status" id="status" role="status"></span>',
    '</form>',
  ];
  const analysisPanels = [
    '<section class="panel" id="trace-panel"><h2>Pain trace</h2>',
    '<p class="hint">Click a pain point marker on a card to follow its blame down the dependencies.</p>',
    '<div id="trace"></div></section>',
    '<section class="panel" id="root-causes-panel"><h2>Root causes</h2>',
    levelSwitch(),
    '<p class="hint">Who and what carries the customers\u2019 pain. Click an entry to see its cards; ' +
      '\u201cWhat if we fix this\u201d adds it to a fix-set, \u201cWhat relies on this\u201d shows its dependents.</p>',
    '<div id="root-causes"></div><div id="blame" hidden></div></section>',
    decisionPanels(),
  ];
  const dependencies = [
    '<section class="panel dependencies" id="dependencies-panel"><h2>Who relies on whom</h2>',
    '<p class="hint">Rows rely on columns: the number of handoffs; the shade is the impact that crossed them.</p>',
    '<div class="matrix-wrap" id="dependencies"></div></section>',
  ];
  const canEdit = access.canEdit && !readOnly;
  const pageData = { key: blueprint.key, name: blueprint.name, version: living?.version ?? null, current: living?.current ?? null, readOnly, canEdit };
  const editBar = [
    '<div class="edit-bar" id="edit-bar">',
    '<button type="button" id="edit-toggle" aria-pressed="false">Edit blueprint</button>',
    '<span class="editing-only" hidden><button type="button" id="add-stage">Add stage</button>',
    '<button type="button" id="undo" disabled aria-keyshortcuts="Control+Z">Undo</button>',
    '<button type="button" id="redo" disabled aria-keyshortcuts="Control+Shift+Z">Redo</button>',
    '<span class="edit-hint">Click a card, a pain point or an arrow to change it; the buttons on the grid add steps and actions.</span></span>',
    '<button type="button" id="duplicate">Duplicate as future state</button>',
    '</div>',
  ];
  const body = [
    `<header class="top"><h1>${escapeXml(blueprint.name)}</h1><span class="state">${escapeXml(blueprint.state)}</span>`,
    blueprint.persona ? `<span>Persona: ${escapeXml(blueprint.persona.name)}</span>` : '',
    living ? `<span class="version-label">version ${living.version}</span>` : '',
    `<nav><a href="/">All blueprints</a><a href="/opportunities">Opportunities</a>` +
      `<a href="${escapeXml(blueprintHref(blueprint.key))}.svg">SVG</a>` +
      (readOnly ? '' : '<button type="button" id="download-png" class="link">Download PNG</button>') +
      '</nav></header>',
    ...(readOnly ? [living!.banner!, '<p class="status" id="status" role="status"></p>'] : analysisControls),
    ...(canEdit ? editBar : []),
    '<div class="workspace">',
    `<div class="canvas" id="canvas">${svg}</div>`,
    '<aside class="side">',
    ...(readOnly ? [] : analysisPanels),
    living?.panels ?? '',
    '</aside></div>',
    ...(readOnly ? [] : dependencies),
    `<script type="application/json" id="blueprint-data">${jsonForScript(pageData)}</script>`,
  ].join('\n');
  return page(`${blueprint.name} · Blueprint Graph`, body, { script: true });
}

/** The compare view: the `to` side's grid with its changes marked, and the panels of what changed. */
export function comparePage(title: string, svg: string, panels: string): string {
  const body = [
    `<header class="top"><h1>${escapeXml(title)}</h1><nav><a href="/">All blueprints</a></nav></header>`,
    '<p class="legend-marks controls"><span class="added">■ added</span><span class="changed">▨ changed</span>',
    '<span>(cards and arrows of the blueprint compared to; what was removed is listed beside it)</span></p>',
    '<div class="workspace">',
    `<div class="canvas" id="canvas">${svg}</div>`,
    `<aside class="side">${panels}</aside>`,
    '</div>',
  ].join('\n');
  return page(`${title} · Blueprint Graph`, body);
}

/** The opportunities, ranked by value per effort, each with links to the cards its fixes touch. */
export function opportunitiesPage(rows: OpportunityRow[]): string {
  return page(
    'Opportunities · Blueprint Graph',
    `<header class="top"><h1>Opportunities</h1><span>Named fix-sets, valued from the graph as it is now</span>` +
      `<nav><a href="/">All blueprints</a></nav></header>` +
      '<main class="list wide"><p class="hint">By the impact their fixes remove per effort, over every blueprint at the default retention and depth. ' +
      'A card link opens the blueprint with the opportunity\u2019s fixes applied.</p>' +
      `${opportunitiesTable(rows)}</main>`,
  );
}

/** A page that says what is wrong with the address, and where to go. */
export function problemPage(title: string, message: string): string {
  return page(
    `${title} · Blueprint Graph`,
    `<header class="top"><h1>Blueprint Graph</h1><nav><a href="/">All blueprints</a></nav></header>` +
      `<main class="list"><h2>${escapeXml(title)}</h2><p>${escapeXml(message)}</p><p><a href="/">See all blueprints</a></p></main>`,
  );
}

export function notFoundPage(key: string): string {
  return page(
    'Not found · Blueprint Graph',
    `<header class="top"><h1>Blueprint Graph</h1><nav><a href="/">All blueprints</a></nav></header>` +
      `<main class="list"><h2>No blueprint has the key “${escapeXml(key)}”</h2><p><a href="/">See all blueprints</a></p></main>`,
  );
}
