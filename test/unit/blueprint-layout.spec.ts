import {
  BlueprintLayout,
  CardBox,
  GRID,
  LayoutActionInput,
  LayoutInput,
  columnX,
  emotionY,
  layoutBlueprint,
  textWidth,
  wrapText,
} from '../../src/web/blueprint-layout';
import { markerRadius } from '../../src/web/scales';

type ActionSpec = Partial<LayoutActionInput> & { key: string; lane: string; deps?: string[] };

function action(spec: ActionSpec): LayoutActionInput {
  const { deps, ...rest } = spec;
  return {
    name: `Action ${spec.key}`,
    systems: [],
    owners: [],
    ...rest,
    dependsOn: (deps ?? []).map((key) => ({ key })),
  };
}

/** Two stages: s1 with steps a and b, s2 with step c. */
function blueprint(actions: Record<'a' | 'b' | 'c', ActionSpec[]>, painPoints: LayoutInput['painPoints'] = []): LayoutInput {
  const step = (key: 'a' | 'b' | 'c') => ({ key, name: `Step ${key}`, evidence: [], actions: actions[key].map(action) });
  return {
    stages: [
      { key: 's1', name: 'Stage one', steps: [step('a'), step('b')] },
      { key: 's2', name: 'Stage two', steps: [step('c')] },
    ],
    painPoints,
  };
}

const card = (layout: BlueprintLayout, key: string) => layout.cards.find((c) => c.key === key) as CardBox;
const row = (layout: BlueprintLayout, kind: string) => layout.rows.find((r) => r.kind === kind)!;
const inside = (c: CardBox, x: number, y: number) => x > c.x && x < c.x + c.width && y > c.y && y < c.y + c.height;

describe('text measures', () => {
  it('measures with the advance widths of the face, wider when bold', () => {
    expect(textWidth('H', 100)).toBeCloseTo(75);
    expect(textWidth('H', 100, true)).toBeCloseTo(84);
    expect(textWidth('il', 10)).toBeCloseTo(5.6);
    expect(textWidth('漢字', 10)).toBeCloseTo(20);
  });

  it('wraps at spaces, keeps every word, and gives the text back when the lines are joined', () => {
    const text = 'Technician takes the machine in and writes a long and careful note';
    const lines = wrapText(text, 150, 12);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line.trimEnd(), 12)).toBeLessThanOrEqual(150);
    expect(lines.join('')).toBe(text);
  });

  it('breaks a word that is wider than the line on its own', () => {
    const word = 'x'.repeat(80);
    const lines = wrapText(`a ${word}`, 100, 12);
    expect(lines[0]).toBe('a ');
    expect(lines.slice(1).join('')).toBe(word);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(100);
  });
});

describe('grid placement', () => {
  const input = blueprint({
    a: [
      { key: 'ca', lane: 'CUSTOMER', emotion: -3, deps: ['fa'] },
      { key: 'fa', lane: 'FRONTSTAGE', deps: ['ba'] },
      { key: 'fa2', lane: 'FRONTSTAGE' },
      { key: 'ba', lane: 'BACKSTAGE' },
    ],
    b: [{ key: 'cb', lane: 'CUSTOMER', emotion: 1, deps: ['sb'] }, { key: 'sb', lane: 'SUPPORT' }],
    c: [{ key: 'cc', lane: 'CUSTOMER', emotion: 2, deps: ['ba'] }],
  });
  const layout = layoutBlueprint(input);

  it('makes each step a column, in document order, and each stage a band over its steps', () => {
    expect(layout.columns.map((c) => [c.key, c.stageKey, c.x])).toEqual([
      ['a', 's1', columnX(0)],
      ['b', 's1', columnX(1)],
      ['c', 's2', columnX(2)],
    ]);
    expect(layout.stages.map((s) => [s.key, s.x, s.width])).toEqual([
      ['s1', columnX(0), 2 * GRID.columnWidth],
      ['s2', columnX(2), GRID.columnWidth],
    ]);
    expect(layout.width).toBe(columnX(3) + GRID.margin);
  });

  it('stacks the rows evidence, emotion, customer, frontstage, backstage, support, with the three lines between the lanes', () => {
    expect(layout.rows.map((r) => r.kind)).toEqual(['EVIDENCE', 'EMOTION', 'CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT']);
    for (let i = 1; i < layout.rows.length; i++) {
      expect(layout.rows[i].y).toBeCloseTo(layout.rows[i - 1].y + layout.rows[i - 1].height);
    }
    expect(layout.lines.map((l) => [l.kind, l.label, l.y])).toEqual([
      ['interaction', 'Line of interaction', row(layout, 'FRONTSTAGE').y],
      ['visibility', 'Line of visibility', row(layout, 'BACKSTAGE').y],
      ['internal', 'Line of internal interaction', row(layout, 'SUPPORT').y],
    ]);
  });

  it('puts every card in its step’s column and its lane’s row, stacked in document order', () => {
    for (const [key, column, lane] of [
      ['ca', 0, 'CUSTOMER'],
      ['fa', 0, 'FRONTSTAGE'],
      ['fa2', 0, 'FRONTSTAGE'],
      ['ba', 0, 'BACKSTAGE'],
      ['cb', 1, 'CUSTOMER'],
      ['sb', 1, 'SUPPORT'],
      ['cc', 2, 'CUSTOMER'],
    ] as const) {
      const c = card(layout, key);
      const r = row(layout, lane);
      expect(c.column).toBe(column);
      expect(c.x).toBeGreaterThanOrEqual(columnX(column));
      expect(c.x + c.width).toBeLessThanOrEqual(columnX(column + 1));
      expect(c.y).toBeGreaterThanOrEqual(r.y);
      expect(c.y + c.height).toBeLessThanOrEqual(r.y + r.height);
    }
    expect(card(layout, 'fa2').y).toBeGreaterThanOrEqual(card(layout, 'fa').y + card(layout, 'fa').height + GRID.cardGap);
  });

  it('names the role and department, or the owner, and the systems on a card', () => {
    const own = layoutBlueprint(
      blueprint({
        a: [
          {
            key: 'x',
            lane: 'BACKSTAGE',
            role: { name: 'Agent', department: { name: 'Customer Service' } },
            systems: [{ name: 'CRM' }, { name: 'ERP' }],
          },
          { key: 'y', lane: 'SUPPORT', department: { name: 'IT' } },
        ],
        b: [],
        c: [],
      }),
    );
    expect(card(own, 'x').ownerLines.join('')).toBe('Agent · Customer Service');
    expect(card(own, 'x').systemLines.join('')).toBe('Systems: CRM, ERP');
    expect(card(own, 'y').ownerLines.join('')).toBe('Owner: IT');
    const long = layoutBlueprint(
      blueprint({ a: [{ key: 'z', lane: 'CUSTOMER', channel: 'EMAIL', touchpoint: "The account manager's e-mail with the offer" }], b: [], c: [] }),
    );
    const lines = card(long, 'z').channelLines;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe("EMAIL · The account manager's e-mail with the offer");
    for (const line of lines) expect(textWidth(line.trimEnd(), GRID.metaSize)).toBeLessThanOrEqual(GRID.cardWidth - 2 * GRID.cardPadding);
    expect(card(own, 'y').height).toBeLessThan(card(own, 'x').height);
  });

  it('draws the emotion curve through the mean customer emotion of each step, happier higher', () => {
    const emotionRow = row(layout, 'EMOTION');
    expect(layout.emotion.map((p) => [p.column, p.value, p.x])).toEqual([
      [0, -3, columnX(0) + GRID.columnWidth / 2],
      [1, 1, columnX(1) + GRID.columnWidth / 2],
      [2, 2, columnX(2) + GRID.columnWidth / 2],
    ]);
    expect(emotionY(3, emotionRow)).toBeLessThan(emotionY(0, emotionRow));
    expect(emotionY(0, emotionRow)).toBeCloseTo(emotionRow.y + emotionRow.height / 2);
    expect(emotionY(-3, emotionRow)).toBeLessThan(emotionRow.y + emotionRow.height);
    expect(emotionY(3, emotionRow)).toBeGreaterThan(emotionRow.y);
  });

  it('gives a 40-step blueprint 40 full columns: wider, never narrower', () => {
    const steps = Array.from({ length: 40 }, (_, i) => ({
      key: `s${i}`,
      name: `Step ${i}`,
      evidence: [],
      actions: [action({ key: `a${i}`, lane: 'CUSTOMER' })],
    }));
    const wide = layoutBlueprint({ stages: [{ key: 'all', name: 'All', steps }], painPoints: [] });
    expect(wide.columns).toHaveLength(40);
    expect(wide.columns.every((c) => c.width === GRID.columnWidth)).toBe(true);
    expect(wide.width).toBe(GRID.margin + GRID.labelWidth + 40 * GRID.columnWidth + GRID.margin);
  });
});

describe('pain point markers', () => {
  it('sits on its action’s card, sized by impact, side by side when several share a card', () => {
    const layout = layoutBlueprint(
      blueprint({ a: [{ key: 'ca', lane: 'CUSTOMER' }], b: [], c: [] }, [
        { key: 'big', title: 'Big', impact: 5, category: 'PROCESS', action: { key: 'ca' } },
        { key: 'small', title: 'Small', impact: 0.2, category: 'FINANCIAL', action: { key: 'ca' } },
        { key: 'nowhere', title: 'Lost', impact: 1, category: 'OTHER', action: { key: 'missing' } },
      ]),
    );
    const c = card(layout, 'ca');
    const [big, small] = layout.markers;
    expect(layout.markers.map((m) => m.key)).toEqual(['big', 'small']);
    expect(big.r).toBe(markerRadius(5));
    expect(small.r).toBe(markerRadius(0.2));
    for (const m of layout.markers) {
      expect(m.cy).toBe(c.y);
      expect(m.cx).toBeGreaterThan(c.x);
      expect(m.cx).toBeLessThan(c.x + c.width);
    }
    expect(small.cx + small.r).toBeLessThan(big.cx - big.r); // no overlap
  });
});

describe('arrows', () => {
  const input = blueprint({
    a: [
      { key: 'ca', lane: 'CUSTOMER', deps: ['fa', 'ba'] },
      { key: 'fa', lane: 'FRONTSTAGE' },
      { key: 'ba', lane: 'BACKSTAGE' },
    ],
    b: [{ key: 'cb', lane: 'CUSTOMER', deps: ['fa'] }],
    c: [{ key: 'sc', lane: 'SUPPORT', deps: ['ba'] }],
  });
  const layout = layoutBlueprint(input);
  const edge = (from: string, to: string) => layout.edges.find((e) => e.from === from && e.to === to)!;

  it('routes one arrow per dependency, from the dependent card to the one it needs', () => {
    expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['ca>ba', 'ca>fa', 'cb>fa', 'sc>ba']);
    for (const e of layout.edges) {
      const [start, end] = [e.points[0], e.points[e.points.length - 1]];
      const from = card(layout, e.from);
      const to = card(layout, e.to);
      const onBorder = (c: CardBox, p: { x: number; y: number }) =>
        p.x >= c.x - 0.01 && p.x <= c.x + c.width + 0.01 && p.y >= c.y - 0.01 && p.y <= c.y + c.height + 0.01;
      expect(onBorder(from, start)).toBe(true);
      expect(onBorder(to, end)).toBe(true);
    }
  });

  it('draws a straight vertical arrow down a step when no card is between', () => {
    const e = edge('ca', 'fa');
    expect(e.points).toHaveLength(2);
    expect(e.points[0].x).toBe(e.points[1].x);
    expect(e.points[0].y).toBe(card(layout, 'ca').y + card(layout, 'ca').height);
    expect(e.points[1].y).toBe(card(layout, 'fa').y);
  });

  it('goes round a card that stands between, and never through any card', () => {
    expect(edge('ca', 'ba').points.length).toBeGreaterThan(2);
    for (const e of layout.edges) {
      for (let i = 1; i < e.points.length; i++) {
        const [p, q] = [e.points[i - 1], e.points[i]];
        expect(p.x === q.x || p.y === q.y).toBe(true); // orthogonal
        for (let t = 0.05; t < 1; t += 0.05) {
          const x = p.x + (q.x - p.x) * t;
          const y = p.y + (q.y - p.y) * t;
          for (const c of layout.cards) expect(inside(c, x, y)).toBe(false);
        }
      }
    }
  });

  it('crosses steps through the gutters, and farther steps through the channel of the target’s row', () => {
    const near = edge('cb', 'fa'); // one step to the left
    expect(near.points).toHaveLength(4);
    expect(Math.abs(near.points[1].x - columnX(1))).toBeLessThan((GRID.columnWidth - GRID.cardWidth) / 2);
    const far = edge('sc', 'ba'); // two steps to the left, one lane up
    expect(far.points).toHaveLength(6);
    const channel = far.points[2].y;
    const backstage = row(layout, 'BACKSTAGE');
    expect(channel).toBeGreaterThan(backstage.y);
    expect(channel).toBeLessThan(backstage.y + GRID.rowPaddingTop);
  });

  it('keeps two arrows that share a gutter apart', () => {
    const two = layoutBlueprint(
      blueprint({
        a: [{ key: 'x', lane: 'BACKSTAGE' }, { key: 'y', lane: 'SUPPORT' }],
        b: [{ key: 'p', lane: 'CUSTOMER', deps: ['x'] }, { key: 'q', lane: 'FRONTSTAGE', deps: ['y'] }],
        c: [],
      }),
    );
    const [first, second] = two.edges;
    expect(first.points[1].x).not.toBe(second.points[1].x);
  });

  it('draws two arrows between the same two cards, one each way, side by side', () => {
    const cycle = layoutBlueprint(
      blueprint({ a: [{ key: 'up', lane: 'BACKSTAGE', deps: ['down'] }, { key: 'down', lane: 'BACKSTAGE', deps: ['up'] }], b: [], c: [] }),
    );
    const [there, back] = cycle.edges;
    expect(there.points).toHaveLength(2);
    expect(back.points).toHaveLength(2);
    expect(there.points[0].x).not.toBe(back.points[0].x);
    expect(there.points[0].y).toBe(back.points[1].y);
  });
});
