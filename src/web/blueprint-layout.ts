import { markerRadius } from './scales';
import { MatchableCard, cardOfAction } from '../analysis/things';

/**
 * Where everything of a blueprint goes in the classic grid, as plain numbers:
 * stages are column groups, steps are columns, lanes are rows, and the three
 * lines sit between the rows. No drawing here: blueprint-svg.ts turns this
 * into SVG. Deterministic: the same blueprint gives the same layout.
 *
 * Arrows run in the free space of the grid (the gutters between columns and
 * the channel at the top of each row), so they never cross a card. The grid
 * itself fixes every card's place; that is why routing is done here and not by
 * a general graph layout engine, which would move the cards.
 */

export type LaneName = 'CUSTOMER' | 'FRONTSTAGE' | 'BACKSTAGE' | 'SUPPORT';
export const LANES: readonly LaneName[] = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'];

/** The parts of a blueprint the layout reads (the API's Blueprint model fits it). */
export interface LayoutInput {
  stages: { key: string; name: string; steps: LayoutStepInput[] }[];
  painPoints: { key: string; title: string; impact: number; category: string; action: { key: string } }[];
}
export interface LayoutStepInput {
  key: string;
  name: string;
  evidence: string[];
  actions: LayoutActionInput[];
}
export interface LayoutActionInput {
  key: string;
  lane: string;
  name: string;
  channel?: string | null;
  touchpoint?: string | null;
  emotion?: number | null;
  role?: { key: string; name: string; department: { name: string } } | null;
  department?: { name: string } | null;
  process?: { key: string; name: string } | null;
  systems: { key: string; name: string }[];
  dependsOn: { key: string }[];
  owners: { key: string }[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export interface StageBox extends Box {
  key: string;
  name: string;
}
export interface ColumnBox extends Box {
  key: string;
  stageKey: string;
  index: number;
  /** The step's name, wrapped to the column's width. */
  lines: string[];
  evidence: string[][];
}
export type RowKind = 'EVIDENCE' | 'EMOTION' | LaneName;
export interface RowBox {
  kind: RowKind;
  label: string;
  y: number;
  height: number;
}
export type LineKind = 'interaction' | 'visibility' | 'internal';
export interface LineMark {
  kind: LineKind;
  label: string;
  y: number;
}
export interface CardBox extends Box {
  key: string;
  lane: LaneName;
  column: number;
  nameLines: string[];
  /** Role and department, or the explicit owner, and the process. */
  ownerLines: string[];
  systemLines: string[];
  /** The channel and touchpoint. */
  channelLines: string[];
  /** What the page script matches entries, fixes and questions against (analysis/things.ts). */
  match: MatchableCard;
}
export interface EdgeRoute {
  from: string;
  to: string;
  points: Point[];
}
export interface PainMarker {
  key: string;
  actionKey: string;
  title: string;
  impact: number;
  category: string;
  cx: number;
  cy: number;
  r: number;
}
export interface EmotionPoint extends Point {
  column: number;
  value: number;
}
export interface BlueprintLayout {
  width: number;
  height: number;
  /** Where the grid's columns start, right of the row labels. */
  gridLeft: number;
  stages: StageBox[];
  columns: ColumnBox[];
  rows: RowBox[];
  lines: LineMark[];
  cards: CardBox[];
  edges: EdgeRoute[];
  markers: PainMarker[];
  emotion: EmotionPoint[];
  /** Top of the legend, below the grid. */
  legendY: number;
}

/** Sizes in px. The text measures are estimates of a sans-serif face; wrapping leaves some room. */
export const GRID = {
  margin: 16,
  labelWidth: 132,
  columnWidth: 204,
  cardWidth: 168,
  stageHeight: 30,
  stepLineHeight: 15,
  stepPadding: 10,
  rowPaddingTop: 22,
  rowPaddingBottom: 14,
  cardGap: 14,
  cardPadding: 8,
  nameSize: 12,
  nameLineHeight: 15,
  metaSize: 10.5,
  metaLineHeight: 13,
  evidenceLineHeight: 14,
  emotionHeight: 76,
  emptyRowHeight: 48,
  legendHeight: 40,
  trackSpacing: 4,
} as const;

export const LANE_LABELS: Record<LaneName, string> = {
  CUSTOMER: 'Customer',
  FRONTSTAGE: 'Frontstage',
  BACKSTAGE: 'Backstage',
  SUPPORT: 'Support',
};

export const LINE_LABELS: Record<LineKind, string> = {
  interaction: 'Line of interaction',
  visibility: 'Line of visibility',
  internal: 'Line of internal interaction',
};

/** The line below each lane, where one runs. */
const LINE_BELOW: Partial<Record<LaneName, LineKind>> = {
  CUSTOMER: 'interaction',
  FRONTSTAGE: 'visibility',
  BACKSTAGE: 'internal',
};

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/**
 * Advance widths (in em) of the printable ASCII characters, space to tilde, in
 * DejaVu Sans regular and bold, the first face of the font stack; the other
 * faces of the stack are narrower, so text measured this way always fits.
 */
const ASCII_EM = {
  regular:
    '.32.40.46.84.64.95.78.28.39.39.50.84.32.36.30.34.64.64.64.64.64.64.64.64.64.64.34.34.84.84.84.53' +
    '1.0.68.69.70.77.63.58.78.75.29.29.66.56.86.75.79.60.79.69.63.61.73.68.99.69.61.69.39.34.39.84.50' +
    '.50.61.63.55.63.62.35.63.63.28.28.58.28.97.63.61.63.63.41.52.39.63.59.82.59.59.53.64.34.64.84',
  bold:
    '.35.46.52.84.70 1.0.87.31.46.46.52.84.38.41.38.37.70.70.70.70.70.70.70.70.70.70.40.40.84.84.84.58' +
    '1.0.77.76.73.83.68.68.82.84.37.37.77.64 1.0.84.85.73.85.77.72.68.81.77 1.1.77.72.73.46.37.46.84.50' +
    '.50.67.72.59.72.68.43.72.71.34.34.67.34 1.0.71.69.72.72.49.60.48.71.65.92.65.65.58.71.37.71.84',
};
const parseEm = (table: string) => (table.replace(/ /g, '').match(/1\.\d|\.\d\d/g) ?? []).map(Number);
const EM = { regular: parseEm(ASCII_EM.regular), bold: parseEm(ASCII_EM.bold) };

/** A string's width in px at `size`, in the page's sans-serif face. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? EM.bold : EM.regular;
  let em = 0;
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (code >= 32 && code < 127) em += table[code - 32];
    else if (code >= 0x2e80) em += 1; // CJK and other wide scripts
    else em += bold ? 0.78 : 0.72;
  }
  return em * size;
}

/**
 * Breaks text into lines no wider than `width`: at spaces, and inside a word
 * only when the word alone is too wide. Every line but the last keeps its
 * trailing space, so the lines joined give the text back (spaces collapsed).
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(`${line} `);
      line = '';
    }
    let rest = word;
    while (textWidth(rest, size, bold) > width) {
      let cut = 1;
      while (cut < rest.length && textWidth(rest.slice(0, cut + 1), size, bold) <= width) cut++;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  push();
  return lines.length > 0 ? lines : [''];
}

// ---------------------------------------------------------------------------
// Grid placement
// ---------------------------------------------------------------------------

function laneOf(lane: string): LaneName {
  return (LANES as readonly string[]).includes(lane) ? (lane as LaneName) : 'SUPPORT';
}

function cardText(action: LayoutActionInput) {
  const inner = GRID.cardWidth - 2 * GRID.cardPadding;
  const nameLines = wrapText(action.name, inner, GRID.nameSize, true);
  const owner = action.role
    ? `${action.role.name} · ${action.role.department.name}`
    : action.department
      ? `Owner: ${action.department.name}`
      : null;
  const ownerLines = [
    ...(owner ? wrapText(owner, inner, GRID.metaSize) : []),
    ...(action.process ? wrapText(`Process: ${action.process.name}`, inner, GRID.metaSize) : []),
  ];
  const systemLines =
    action.systems.length > 0 ? wrapText(`Systems: ${action.systems.map((s) => s.name).join(', ')}`, inner, GRID.metaSize) : [];
  const channel = [action.channel, action.touchpoint].filter(Boolean).join(' · ');
  const channelLines = channel ? wrapText(channel, inner, GRID.metaSize) : [];
  const metaLines = ownerLines.length + systemLines.length + channelLines.length;
  const height =
    2 * GRID.cardPadding + nameLines.length * GRID.nameLineHeight + metaLines * GRID.metaLineHeight + (metaLines > 0 ? 4 : 0);
  return { nameLines, ownerLines, systemLines, channelLines, height };
}

/** The x of a column's left edge. */
export function columnX(index: number): number {
  return GRID.margin + GRID.labelWidth + index * GRID.columnWidth;
}

/**
 * Places stages, steps, rows, cards and markers; then routes the arrows.
 * Cards of one step and lane stack in document order.
 */
export function layoutBlueprint(blueprint: LayoutInput): BlueprintLayout {
  const steps = blueprint.stages.flatMap((stage) => stage.steps.map((step) => ({ stage, step })));
  const gridLeft = columnX(0);
  const width = gridLeft + Math.max(1, steps.length) * GRID.columnWidth + GRID.margin;
  const inner = GRID.columnWidth - 2 * GRID.stepPadding;

  // Header: stage bands, then step names.
  const stageTop = GRID.margin;
  const stepTop = stageTop + GRID.stageHeight;
  const columnsText = steps.map(({ step }) => ({
    lines: wrapText(step.name, inner, GRID.nameSize, true),
    evidence: step.evidence.map((item) => wrapText(item, inner - 10, GRID.metaSize)),
  }));
  const stepHeight =
    2 * GRID.stepPadding + Math.max(1, ...columnsText.map((c) => c.lines.length)) * GRID.stepLineHeight;

  const stages: StageBox[] = [];
  let index = 0;
  for (const stage of blueprint.stages) {
    if (stage.steps.length === 0) continue;
    stages.push({
      key: stage.key,
      name: stage.name,
      x: columnX(index),
      y: stageTop,
      width: stage.steps.length * GRID.columnWidth,
      height: GRID.stageHeight,
    });
    index += stage.steps.length;
  }

  // Cards per cell, measured.
  const cells = LANES.map(() => steps.map(() => [] as { action: LayoutActionInput; text: ReturnType<typeof cardText> }[]));
  steps.forEach(({ step }, column) => {
    for (const action of step.actions) {
      cells[LANES.indexOf(laneOf(action.lane))][column].push({ action, text: cardText(action) });
    }
  });
  const cellHeight = (cards: { text: { height: number } }[]) =>
    cards.reduce((sum, card) => sum + card.text.height, 0) + Math.max(0, cards.length - 1) * GRID.cardGap;

  // Rows: evidence, emotion, then the four lanes.
  const rows: RowBox[] = [];
  let y = stepTop + stepHeight;
  const evidenceHeight =
    Math.max(1, ...columnsText.map((c) => c.evidence.reduce((sum, lines) => sum + lines.length, 0) + 0.5 * c.evidence.length)) *
      GRID.evidenceLineHeight +
    GRID.rowPaddingBottom +
    10;
  rows.push({ kind: 'EVIDENCE', label: 'Physical evidence', y, height: evidenceHeight });
  y += evidenceHeight;
  rows.push({ kind: 'EMOTION', label: 'Customer emotion', y, height: GRID.emotionHeight });
  y += GRID.emotionHeight;

  const cards: CardBox[] = [];
  const lines: LineMark[] = [];
  LANES.forEach((lane, laneIndex) => {
    const contentHeight = Math.max(0, ...cells[laneIndex].map(cellHeight));
    const height = Math.max(GRID.emptyRowHeight, GRID.rowPaddingTop + contentHeight + GRID.rowPaddingBottom);
    rows.push({ kind: lane, label: LANE_LABELS[lane], y, height });
    cells[laneIndex].forEach((cell, column) => {
      let cardY = y + GRID.rowPaddingTop;
      for (const { action, text } of cell) {
        cards.push({
          key: action.key,
          lane,
          column,
          x: columnX(column) + (GRID.columnWidth - GRID.cardWidth) / 2,
          y: cardY,
          width: GRID.cardWidth,
          height: text.height,
          nameLines: text.nameLines,
          ownerLines: text.ownerLines,
          systemLines: text.systemLines,
          channelLines: text.channelLines,
          match: cardOfAction({ ...action, stepKey: steps[column].step.key, role: action.role ?? null, process: action.process ?? null }),
        });
        cardY += text.height + GRID.cardGap;
      }
    });
    y += height;
    const below = LINE_BELOW[lane];
    if (below) lines.push({ kind: below, label: LINE_LABELS[below], y });
  });

  const columns: ColumnBox[] = steps.map(({ stage, step }, i) => ({
    key: step.key,
    stageKey: stage.key,
    index: i,
    x: columnX(i),
    y: stepTop,
    width: GRID.columnWidth,
    height: y - stepTop,
    lines: columnsText[i].lines,
    evidence: columnsText[i].evidence,
  }));

  const emotionRow = rows[1];
  const emotion = emotionCurve(steps.map(({ step }) => step.actions), emotionRow);
  const byKey = new Map(cards.map((card) => [card.key, card]));
  const markers = painMarkers(blueprint.painPoints, byKey);
  const laneRows = rows.slice(2);
  const edges = routeEdges(
    steps.flatMap(({ step }) => step.actions),
    byKey,
    laneRows,
  );

  return {
    width,
    height: y + GRID.legendHeight + GRID.margin,
    gridLeft,
    stages,
    columns,
    rows,
    lines,
    cards,
    edges,
    markers,
    emotion,
    legendY: y + 12,
  };
}

/** y of an emotion value (-3..3) inside the emotion row: up is happier. */
export function emotionY(value: number, row: { y: number; height: number }): number {
  const half = row.height / 2 - 10;
  const clamped = Math.max(-3, Math.min(3, value));
  return row.y + row.height / 2 - (clamped / 3) * half;
}

/** One point per step that has customer emotions: their mean, at the column's centre. */
export function emotionCurve(
  stepActions: { lane: string; emotion?: number | null }[][],
  row: { y: number; height: number },
): EmotionPoint[] {
  const points: EmotionPoint[] = [];
  stepActions.forEach((actions, column) => {
    const values = actions
      .filter((a) => a.lane === 'CUSTOMER' && a.emotion != null)
      .map((a) => a.emotion as number);
    if (values.length === 0) return;
    const value = values.reduce((s, v) => s + v, 0) / values.length;
    points.push({ column, value, x: columnX(column) + GRID.columnWidth / 2, y: emotionY(value, row) });
  });
  return points;
}

/** Markers on the top edge of their card, right to left, sized by impact. */
export function painMarkers(
  painPoints: LayoutInput['painPoints'],
  cards: ReadonlyMap<string, CardBox>,
): PainMarker[] {
  const used = new Map<string, number>();
  const markers: PainMarker[] = [];
  for (const painPoint of painPoints) {
    const card = cards.get(painPoint.action.key);
    if (!card) continue;
    const r = markerRadius(painPoint.impact);
    const right = used.get(card.key) ?? card.x + card.width - 4;
    markers.push({
      key: painPoint.key,
      actionKey: card.key,
      title: painPoint.title,
      impact: painPoint.impact,
      category: painPoint.category,
      cx: right - r,
      cy: card.y,
      r,
    });
    used.set(card.key, right - 2 * r - 3);
  }
  return markers;
}

// ---------------------------------------------------------------------------
// Arrows
// ---------------------------------------------------------------------------

type Side = 'top' | 'bottom' | 'left' | 'right';

interface PlannedEdge {
  from: CardBox;
  to: CardBox;
  kind: 'straight' | 'side' | 'across';
  exit: Side;
  entry: Side;
}

/**
 * Plans every DEPENDS_ON arrow, then spreads the ports on each card side and
 * the tracks in each gutter and channel, so parallel arrows stay apart.
 *
 * - Same step, nothing between: a straight vertical arrow.
 * - Same step with cards between: out of the right side, down the gutter, back in.
 * - Neighbouring steps: out of the facing side, along the gutter between them, in.
 * - Farther steps: along the source's gutter to the channel at the top of the
 *   target's row, along the channel to the target's gutter, then in.
 */
export function routeEdges(
  actions: LayoutActionInput[],
  cards: ReadonlyMap<string, CardBox>,
  laneRows: RowBox[],
): EdgeRoute[] {
  const planned: PlannedEdge[] = [];
  const stacked = new Map<string, CardBox[]>();
  for (const card of cards.values()) {
    const list = stacked.get(`${card.column}`) ?? [];
    list.push(card);
    stacked.set(`${card.column}`, list);
  }
  for (const action of actions) {
    const from = cards.get(action.key);
    if (!from) continue;
    for (const dependency of action.dependsOn) {
      const to = cards.get(dependency.key);
      if (!to || to === from) continue;
      if (from.column === to.column) {
        const down = to.y > from.y;
        const [top, bottom] = down ? [from, to] : [to, from];
        const between = (stacked.get(`${from.column}`) ?? []).some(
          (c) => c !== from && c !== to && c.y > top.y && c.y < bottom.y,
        );
        planned.push(
          between
            ? { from, to, kind: 'side', exit: 'right', entry: 'right' }
            : { from, to, kind: 'straight', exit: down ? 'bottom' : 'top', entry: down ? 'top' : 'bottom' },
        );
      } else {
        const right = to.column > from.column;
        planned.push({
          from,
          to,
          kind: 'across',
          exit: right ? 'right' : 'left',
          entry: right ? 'left' : 'right',
        });
      }
    }
  }

  // Ports: each card side shares its length among the arrows that use it, in plan order. Straight
  // arrows, both ways, share the gap between a card and the next one below it in the same column.
  const portUse = new Map<string, number>();
  const portCount = new Map<string, number>();
  const portKey = (card: CardBox, side: Side) => `${card.key}\u0000${side}`;
  const gapKey = (edge: PlannedEdge) => `${(edge.exit === 'bottom' ? edge.from : edge.to).key}\u0000gap`;
  const count = (key: string) => portCount.set(key, (portCount.get(key) ?? 0) + 1);
  for (const edge of planned) {
    if (edge.kind === 'straight') {
      count(gapKey(edge));
    } else {
      count(portKey(edge.from, edge.exit));
      count(portKey(edge.to, edge.entry));
    }
  }
  const nextShare = (key: string): number => {
    const i = portUse.get(key) ?? 0;
    portUse.set(key, i + 1);
    return (i + 1) / ((portCount.get(key) ?? 1) + 1);
  };
  const port = (card: CardBox, side: 'left' | 'right'): Point => ({
    x: side === 'left' ? card.x : card.x + card.width,
    y: card.y + card.height * nextShare(portKey(card, side)),
  });

  // Tracks: the n-th arrow in a gutter or channel runs a little beside the ones before.
  const trackUse = new Map<string, number>();
  const track = (id: string, capacity: number): number => {
    const i = trackUse.get(id) ?? 0;
    trackUse.set(id, i + 1);
    const slots = Math.max(1, Math.floor(capacity / GRID.trackSpacing));
    const slot = i % slots;
    // 0, +1, -1, +2, -2 ... around the middle.
    const offset = slot === 0 ? 0 : Math.ceil(slot / 2) * (slot % 2 === 1 ? 1 : -1);
    return offset * GRID.trackSpacing;
  };
  const gutterWidth = GRID.columnWidth - GRID.cardWidth;
  /** x of the gutter right of `column` (left of column + 1). */
  const gutterX = (column: number) => columnX(column + 1);
  const rowOf = (card: CardBox) => laneRows.find((row) => row.kind === card.lane) as RowBox;

  return planned.map((edge) => {
    const { from, to } = edge;
    const id = { from: from.key, to: to.key };
    if (edge.kind === 'straight') {
      const x = from.x + from.width * nextShare(gapKey(edge));
      const down = edge.exit === 'bottom';
      return { ...id, points: [{ x, y: down ? from.y + from.height : from.y }, { x, y: down ? to.y : to.y + to.height }] };
    }
    const start = port(from, edge.exit as 'left' | 'right');
    const end = port(to, edge.entry as 'left' | 'right');
    if (edge.kind === 'side') {
      const x = gutterX(from.column) + track(`g${from.column}`, gutterWidth - 8);
      return { ...id, points: [start, { x, y: start.y }, { x, y: end.y }, end] };
    }
    const right = edge.exit === 'right';
    const sourceGutter = right ? from.column : from.column - 1;
    const targetGutter = right ? to.column - 1 : to.column;
    const x1 = gutterX(sourceGutter) + track(`g${sourceGutter}`, gutterWidth - 8);
    if (sourceGutter === targetGutter) {
      return { ...id, points: [start, { x: x1, y: start.y }, { x: x1, y: end.y }, end] };
    }
    const row = rowOf(to);
    const channelY = row.y + GRID.rowPaddingTop / 2 + track(`c${row.kind}`, GRID.rowPaddingTop - 6);
    const x2 = gutterX(targetGutter) + track(`g${targetGutter}`, gutterWidth - 8);
    return {
      ...id,
      points: [start, { x: x1, y: start.y }, { x: x1, y: channelY }, { x: x2, y: channelY }, { x: x2, y: end.y }, end],
    };
  });
}

