import { MatchableCard } from '../analysis/things';
import { BlueprintLayout, CardBox, GRID, LineMark, Point, textWidth } from './blueprint-layout';
import { escapeXml } from './markup';
import { CATEGORY_COLOURS, CATEGORY_LABELS, PainCategoryName, categoryColour, formatFigure, markerRadius } from './scales';

/**
 * The one renderer of the blueprint grid: a layout in, an SVG document out.
 * The page embeds this SVG inline and its script adds the interactions; the
 * .svg download is the same markup as a file of its own (styles inside, no
 * scripts). Every text from the blueprint is escaped.
 */

export interface SvgOptions {
  /** The blueprint's name, for the title. */
  title: string;
  /** A file of its own: with the XML declaration. */
  standalone: boolean;
  /** Cards (by action key) and arrows (by `from -> to`) to mark, e.g. as added or changed in a comparison. */
  marks?: { cards?: ReadonlyMap<string, string>; edges?: ReadonlyMap<string, string> };
}

/** The class a mark adds: `mark-added`. */
const markClass = (mark: string | undefined) => (mark ? ` mark-${mark}` : '');

/** Row and line labels are repeated every so many columns, so a wide grid names them wherever it is scrolled. */
const LABEL_EVERY = 6;

/** Where the repeated labels start: inside every LABEL_EVERY-th column. */
function repeatedColumns(layout: BlueprintLayout): number[] {
  const xs: number[] = [];
  for (let column = LABEL_EVERY; column < layout.columns.length; column += LABEL_EVERY) xs.push(layout.columns[column].x + 6);
  return xs;
}

const FONT_STACK = "'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif";

export const SVG_STYLE = `
.bp-svg { font-family: ${FONT_STACK}; }
.bp-svg text { fill: #1f2933; }
.bp-svg .bp-bg { fill: #ffffff; }
.bp-svg .bp-row { fill: #ffffff; }
.bp-svg .bp-row.alt { fill: #f7f9fb; }
.bp-svg .bp-row-label { font-size: 11px; font-weight: 700; letter-spacing: 0.04em; fill: #37474f; }
.bp-svg .bp-row-label.repeat, .bp-svg .bp-line-label.repeat { opacity: 0.6; }
.bp-svg .bp-column-rule { stroke: #e3e8ee; stroke-width: 1; }
.bp-svg .bp-stage rect { fill: #263238; }
.bp-svg .bp-stage text { fill: #ffffff; font-size: 12px; font-weight: 700; }
.bp-svg .bp-step-name { font-size: 12px; font-weight: 700; fill: #102a43; }
.bp-svg .bp-evidence { font-size: 10.5px; fill: #52606d; }
.bp-svg .bp-evidence-mark { fill: #9aa5b1; }
.bp-svg .bp-line { stroke: #243b53; stroke-width: 1.5; stroke-dasharray: 7 4; }
.bp-svg .bp-line-label { font-size: 10px; font-style: italic; font-weight: 600; fill: #243b53; }
.bp-svg .bp-emotion-zero { stroke: #bcccdc; stroke-width: 1; stroke-dasharray: 2 3; }
.bp-svg .bp-emotion-curve { fill: none; stroke: #0b69a3; stroke-width: 2.5; stroke-linejoin: round; }
.bp-svg .bp-emotion-dot { stroke: #ffffff; stroke-width: 1.5; }
.bp-svg .bp-emotion-dot.good { fill: #2f8132; }
.bp-svg .bp-emotion-dot.neutral { fill: #829ab1; }
.bp-svg .bp-emotion-dot.bad { fill: #c62828; }
.bp-svg .bp-emotion-value { font-size: 10px; font-weight: 700; fill: #334e68; }
.bp-svg .bp-edge { fill: none; stroke: #7b8794; stroke-width: 1.25; marker-end: url(#bp-arrow); }
.bp-svg .bp-card rect { stroke-width: 1.2; }
.bp-svg .bp-card.mark-added rect { stroke: #2f9e44; stroke-width: 3.5; }
.bp-svg .bp-card.mark-changed rect { stroke: #e8590c; stroke-width: 3.5; stroke-dasharray: 6 3; }
.bp-svg .bp-edge.mark-added { stroke: #2f9e44; stroke-width: 2.5; }
.bp-svg .bp-card.lane-customer rect { fill: #fff8e1; stroke: #d4a000; }
.bp-svg .bp-card.lane-frontstage rect { fill: #e3f2fd; stroke: #4a90d9; }
.bp-svg .bp-card.lane-backstage rect { fill: #e8f5e9; stroke: #55a05a; }
.bp-svg .bp-card.lane-support rect { fill: #f3e5f5; stroke: #9c6fb0; }
.bp-svg .bp-card-name { font-size: ${GRID.nameSize}px; font-weight: 600; }
.bp-svg .bp-card-meta { font-size: ${GRID.metaSize}px; fill: #486581; }
.bp-svg .bp-card-systems { font-size: ${GRID.metaSize}px; fill: #7c5e10; }
.bp-svg .bp-card-channel { font-size: ${GRID.metaSize}px; fill: #627d98; font-style: italic; }
.bp-svg .bp-pain circle { stroke: #ffffff; stroke-width: 1.5; fill-opacity: 0.92; }
.bp-svg .bp-legend text { font-size: 11px; fill: #334e68; }
`;

const r1 = (n: number) => Math.round(n * 10) / 10;

export function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)} ${r1(p.y)}`).join(' ');
}

function textLines(lines: string[], x: number, y: number, lineHeight: number, cls: string): string {
  const spans = lines.map((line, i) => `<tspan x="${r1(x)}" y="${r1(y + i * lineHeight)}">${escapeXml(line)}</tspan>`);
  return `<text class="${cls}">${spans.join('')}</text>`;
}

/** Cuts a one-line label to a width, with an ellipsis; the whole text goes into a <title>. */
function fit(text: string, width: number, size: number): string {
  if (textWidth(text, size, true) <= width) return text;
  let cut = text.length;
  while (cut > 1 && textWidth(`${text.slice(0, cut)}…`, size, true) > width) cut--;
  return `${text.slice(0, cut)}…`;
}

function card(card: CardBox, mark?: string): string {
  const x = card.x + GRID.cardPadding;
  let y = card.y + GRID.cardPadding + GRID.nameSize - 1;
  const parts = [
    `<rect x="${r1(card.x)}" y="${r1(card.y)}" width="${card.width}" height="${r1(card.height)}" rx="6"/>`,
    textLines(card.nameLines, x, y, GRID.nameLineHeight, 'bp-card-name'),
  ];
  y += card.nameLines.length * GRID.nameLineHeight + 3;
  for (const [lines, cls] of [
    [card.ownerLines, 'bp-card-meta'],
    [card.systemLines, 'bp-card-systems'],
    [card.channelLines, 'bp-card-channel'],
  ] as const) {
    if (lines.length === 0) continue;
    parts.push(textLines([...lines], x, y, GRID.metaLineHeight, cls));
    y += lines.length * GRID.metaLineHeight;
  }
  const title = [card.nameLines, card.ownerLines, card.systemLines].map((lines) => lines.join('')).filter(Boolean).join('\n');
  return (
    `<g class="bp-card lane-${card.lane.toLowerCase()}${markClass(mark)}" data-action="${escapeXml(card.key)}" ` +
    `${matchAttributes(card.match)} data-lane="${card.lane}">` +
    `<title>${escapeXml(title)}</title>${parts.join('')}</g>`
  );
}

/** The card's step, role, process, systems and owning departments, for the page script's highlights (analysis/things.ts). */
function matchAttributes(match: MatchableCard): string {
  const attributes: [string, string | null][] = [
    ['step', match.stepKey],
    ['role', match.roleKey],
    ['process', match.processKey],
    ['systems', match.systemKeys.join(' ')],
    ['owners', match.ownerKeys.join(' ')],
  ];
  return attributes.map(([name, value]) => `data-${name}="${escapeXml(value ?? '')}"`).join(' ');
}

function lineMark(line: LineMark, layout: BlueprintLayout): string {
  const labels = [`<text class="bp-line-label" x="${GRID.margin}" y="${r1(line.y - 4)}">${escapeXml(line.label)}</text>`];
  for (const x of repeatedColumns(layout)) {
    labels.push(`<text class="bp-line-label repeat" x="${r1(x)}" y="${r1(line.y - 4)}">${escapeXml(line.label)}</text>`);
  }
  return (
    `<g class="bp-line-mark" data-line="${line.kind}">` +
    `<line class="bp-line" x1="${GRID.margin}" x2="${r1(layout.width - GRID.margin)}" y1="${r1(line.y)}" y2="${r1(line.y)}"/>` +
    `${labels.join('')}</g>`
  );
}

function header(layout: BlueprintLayout): string {
  const stages = layout.stages.map((stage) => {
    const label = fit(stage.name, stage.width - 16, 12);
    return (
      `<g class="bp-stage" data-stage="${escapeXml(stage.key)}"><title>${escapeXml(stage.name)}</title>` +
      `<rect x="${r1(stage.x + 2)}" y="${r1(stage.y)}" width="${r1(stage.width - 4)}" height="${stage.height - 4}" rx="4"/>` +
      `<text x="${r1(stage.x + 10)}" y="${r1(stage.y + 17)}">${escapeXml(label)}</text></g>`
    );
  });
  const steps = layout.columns.map((column) => {
    const top = layout.stages.length > 0 ? layout.stages[0].y + GRID.stageHeight : column.y;
    return (
      `<g class="bp-step" data-step="${escapeXml(column.key)}">` +
      textLines(column.lines, column.x + GRID.stepPadding, top + GRID.stepPadding + 11, GRID.stepLineHeight, 'bp-step-name') +
      `</g>`
    );
  });
  return `<g class="bp-header">${stages.join('')}${steps.join('')}</g>`;
}

function rowsAndRules(layout: BlueprintLayout): string {
  const rows = layout.rows.map((row, i) => {
    const label = (x: number, repeat: boolean) =>
      `<text class="bp-row-label${repeat ? ' repeat' : ''}" x="${r1(x)}" y="${r1(row.y + 18)}">${escapeXml(row.label.toUpperCase())}</text>`;
    return (
      `<rect class="bp-row${i % 2 === 1 ? ' alt' : ''}" x="${GRID.margin}" y="${r1(row.y)}" ` +
      `width="${r1(layout.width - 2 * GRID.margin)}" height="${r1(row.height)}"/>` +
      label(GRID.margin + 6, false) +
      // Only the lanes: the evidence and emotion rows have their content where a repeated label would go.
      (row.kind === 'EVIDENCE' || row.kind === 'EMOTION'
        ? ''
        : repeatedColumns(layout)
            .map((x) => label(x, true))
            .join(''))
    );
  });
  const top = layout.columns[0]?.y ?? 0;
  const bottom = layout.rows.length > 0 ? layout.rows[layout.rows.length - 1].y + layout.rows[layout.rows.length - 1].height : top;
  const rules = layout.columns.map(
    (column) => `<line class="bp-column-rule" x1="${column.x}" x2="${column.x}" y1="${r1(top)}" y2="${r1(bottom)}"/>`,
  );
  rules.push(
    `<line class="bp-column-rule" x1="${r1(layout.width - GRID.margin)}" x2="${r1(layout.width - GRID.margin)}" y1="${r1(top)}" y2="${r1(bottom)}"/>`,
  );
  return `<g class="bp-rows">${rows.join('')}${rules.join('')}</g>`;
}

function evidence(layout: BlueprintLayout): string {
  const row = layout.rows.find((r) => r.kind === 'EVIDENCE');
  if (!row) return '';
  const items = layout.columns.map((column) => {
    let y = row.y + 30;
    const parts: string[] = [];
    for (const lines of column.evidence) {
      parts.push(`<rect class="bp-evidence-mark" x="${column.x + GRID.stepPadding}" y="${r1(y - 7)}" width="5" height="5"/>`);
      parts.push(textLines(lines, column.x + GRID.stepPadding + 10, y, GRID.evidenceLineHeight, 'bp-evidence'));
      y += (lines.length + 0.5) * GRID.evidenceLineHeight;
    }
    return parts.join('');
  });
  return `<g class="bp-evidence-items">${items.join('')}</g>`;
}

function emotion(layout: BlueprintLayout): string {
  const row = layout.rows.find((r) => r.kind === 'EMOTION');
  if (!row) return '';
  const zero = row.y + row.height / 2;
  const parts = [
    `<line class="bp-emotion-zero" x1="${layout.gridLeft}" x2="${r1(layout.width - GRID.margin)}" y1="${r1(zero)}" y2="${r1(zero)}"/>`,
  ];
  if (layout.emotion.length > 1) parts.push(`<path class="bp-emotion-curve" d="${pathOf(layout.emotion)}"/>`);
  for (const point of layout.emotion) {
    const mood = point.value > 0 ? 'good' : point.value < 0 ? 'bad' : 'neutral';
    const value = Number.isInteger(point.value) ? String(point.value) : point.value.toFixed(1);
    const shown = point.value > 0 ? `+${value}` : value;
    parts.push(
      `<g class="bp-emotion-point" data-column="${point.column}"><title>Emotion ${escapeXml(shown)}</title>` +
        `<circle class="bp-emotion-dot ${mood}" cx="${r1(point.x)}" cy="${r1(point.y)}" r="6"/>` +
        `<text class="bp-emotion-value" x="${r1(point.x + 9)}" y="${r1(point.y - 6)}">${escapeXml(shown)}</text></g>`,
    );
  }
  return `<g class="bp-emotion">${parts.join('')}</g>`;
}

function markers(layout: BlueprintLayout): string {
  return layout.markers
    .map(
      (m) =>
        `<g class="bp-pain" data-pain="${escapeXml(m.key)}" data-action="${escapeXml(m.actionKey)}" ` +
        `data-impact="${m.impact}" data-category="${escapeXml(m.category)}">` +
        `<title>${escapeXml(`${m.title} (impact ${formatFigure(m.impact)}, ${CATEGORY_LABELS[m.category as PainCategoryName] ?? m.category})`)}</title>` +
        `<circle cx="${r1(m.cx)}" cy="${r1(m.cy)}" r="${r1(m.r)}" fill="${categoryColour(m.category)}"/></g>`,
    )
    .join('');
}

function legend(layout: BlueprintLayout): string {
  let x = GRID.margin + 6;
  const y = layout.legendY + 14;
  const parts = [`<text x="${x}" y="${y + 4}" font-weight="700">Pain points:</text>`];
  x += 84;
  for (const [category, colour] of Object.entries(CATEGORY_COLOURS)) {
    const label = CATEGORY_LABELS[category as PainCategoryName];
    parts.push(`<circle cx="${x + 6}" cy="${y}" r="6" fill="${colour}"/><text x="${x + 16}" y="${y + 4}">${label}</text>`);
    x += 30 + textWidth(label, 11);
  }
  x += 8;
  parts.push(`<circle cx="${x + 5}" cy="${y}" r="${markerRadius(1)}" fill="#9aa5b1"/>`);
  parts.push(`<circle cx="${x + 24}" cy="${y}" r="${markerRadius(5)}" fill="#9aa5b1"/>`);
  parts.push(`<text x="${x + 44}" y="${y + 4}">area by impact (severity × frequency)</text>`);
  x += 44 + textWidth('area by impact (severity × frequency)', 11) + 24;
  parts.push(`<path class="bp-edge" d="M${x} ${y} L${x + 34} ${y}"/><text x="${x + 42}" y="${y + 4}">depends on</text>`);
  return `<g class="bp-legend">${parts.join('')}</g>`;
}

export function renderBlueprintSvg(layout: BlueprintLayout, options: SvgOptions): string {
  const { width, height } = layout;
  const edges = layout.edges.map(
    (edge) =>
      `<path class="bp-edge${markClass(options.marks?.edges?.get(`${edge.from} -> ${edge.to}`))}" ` +
      `data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" d="${pathOf(edge.points)}"/>`,
  );
  const body = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="bp-svg" width="${width}" height="${r1(height)}" ` +
      `viewBox="0 0 ${width} ${r1(height)}" role="img" aria-label="${escapeXml(`Service blueprint: ${options.title}`)}">`,
    `<title>${escapeXml(`Service blueprint: ${options.title}`)}</title>`,
    `<style>${SVG_STYLE}</style>`,
    '<defs>',
    '<marker id="bp-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">' +
      '<path d="M0 0 L10 5 L0 10 z" fill="#7b8794"/></marker>',
    '<marker id="bp-arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">' +
      '<path d="M0 0 L10 5 L0 10 z" fill="#d64545"/></marker>',
    '</defs>',
    `<rect class="bp-bg" x="0" y="0" width="${width}" height="${r1(height)}"/>`,
    rowsAndRules(layout),
    header(layout),
    evidence(layout),
    emotion(layout),
    `<g class="bp-lines">${layout.lines.map((line) => lineMark(line, layout)).join('')}</g>`,
    `<g class="bp-edges">${edges.join('')}</g>`,
    `<g class="bp-cards">${layout.cards.map((box) => card(box, options.marks?.cards?.get(box.key))).join('')}</g>`,
    `<g class="bp-markers">${markers(layout)}</g>`,
    legend(layout),
    '</svg>',
  ].join('\n');
  return options.standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n` : body;
}
