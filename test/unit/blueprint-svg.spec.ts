import { layoutBlueprint } from '../../src/web/blueprint-layout';
import { pathOf, renderBlueprintSvg } from '../../src/web/blueprint-svg';
import { escapeXml, jsonForScript } from '../../src/web/markup';
import { blueprintPage, listPage, summarise } from '../../src/web/pages';
import {
  EDGE_BASE_WIDTH,
  EDGE_MAX_TRACE_WIDTH,
  EDGE_MIN_TRACE_WIDTH,
  MARKER_MAX_RADIUS,
  MARKER_MIN_RADIUS,
  categoryColour,
  formatFigure,
  formatShare,
  markerRadius,
  traceEdgeWidth,
} from '../../src/web/scales';

const HOSTILE = `<script>alert("x")</script> & 'quotes'`;

function hostileBlueprint() {
  return {
    key: 'k',
    name: HOSTILE,
    state: 'CURRENT',
    description: null,
    persona: { name: HOSTILE },
    stages: [
      {
        key: 'st',
        name: HOSTILE,
        steps: [
          {
            key: 's',
            name: HOSTILE,
            evidence: [HOSTILE],
            actions: [
              {
                key: 'a',
                lane: 'CUSTOMER',
                name: HOSTILE,
                touchpoint: HOSTILE,
                channel: 'PHONE',
                emotion: -1,
                systems: [{ name: HOSTILE }],
                dependsOn: [{ key: 'b' }],
                owners: [],
              },
              { key: 'b', lane: 'FRONTSTAGE', name: 'B', role: { name: HOSTILE, department: { name: HOSTILE } }, systems: [], dependsOn: [], owners: [{ key: 'd' }] },
            ],
          },
        ],
      },
    ],
    painPoints: [{ key: 'p', title: HOSTILE, impact: 2, category: 'SUPPORT', action: { key: 'a' } }],
  };
}

describe('scales', () => {
  it('gives pain markers an area in proportion to impact, between a clickable minimum and a maximum', () => {
    expect(markerRadius(5)).toBe(MARKER_MAX_RADIUS);
    expect(markerRadius(50)).toBe(MARKER_MAX_RADIUS);
    expect(markerRadius(0)).toBe(MARKER_MIN_RADIUS);
    expect(markerRadius(1.25) ** 2 / markerRadius(5) ** 2).toBeCloseTo(0.25);
    expect(markerRadius(2)).toBeGreaterThan(markerRadius(1.5));
  });

  it('draws traced edges thicker in proportion to their mass', () => {
    expect(traceEdgeWidth(2, 2)).toBe(EDGE_MAX_TRACE_WIDTH);
    expect(traceEdgeWidth(1, 2)).toBe(EDGE_MAX_TRACE_WIDTH / 2);
    expect(traceEdgeWidth(0.5, 2) / traceEdgeWidth(1, 2)).toBeCloseTo(0.5);
    expect(traceEdgeWidth(0.001, 2)).toBe(EDGE_MIN_TRACE_WIDTH);
    expect(traceEdgeWidth(0, 2)).toBe(EDGE_BASE_WIDTH);
    expect(traceEdgeWidth(1, 0)).toBe(EDGE_BASE_WIDTH);
  });

  it('colours by category and prints figures without float noise', () => {
    expect(categoryColour('FINANCIAL')).not.toBe(categoryColour('PROCESS'));
    expect(categoryColour('UNKNOWN')).toBe(categoryColour('OTHER'));
    expect(formatFigure(20.150000000000002)).toBe('20.15');
    expect(formatFigure(123.4)).toBe('123');
    expect(formatFigure(6.2370768229166655)).toBe('6.24');
    expect(formatFigure(0.1979166666666667)).toBe('0.20');
    expect(formatFigure(0)).toBe('0');
    expect(formatShare(0.30953234853184436)).toBe('31.0 %');
  });
});

describe('escaping', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(jsonForScript({ a: '</script><!--' })).not.toMatch(/<\/script|<!--/);
    expect(JSON.parse(jsonForScript({ a: '</script>&\u2028' }))).toEqual({ a: '</script>&\u2028' });
  });

  it('lets no text of a blueprint into the SVG or the pages as markup', () => {
    const blueprint = hostileBlueprint();
    const svg = renderBlueprintSvg(layoutBlueprint(blueprint), { title: blueprint.name, standalone: true });
    const page = blueprintPage(blueprint, renderBlueprintSvg(layoutBlueprint(blueprint), { title: blueprint.name, standalone: false }));
    const list = listPage([summarise(blueprint)]);
    for (const markup of [svg, page, list]) {
      expect(markup).not.toContain('<script>alert');
      expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)');
    }
    expect(svg).not.toMatch(/<script/);
  });
});

describe('the SVG', () => {
  const blueprint = hostileBlueprint();
  const layout = layoutBlueprint(blueprint);

  it('is a file of its own with its styles inside, or an element to embed', () => {
    const file = renderBlueprintSvg(layout, { title: 'T', standalone: true });
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(file).toMatch(/<style>[^<]*font-family[^<]*<\/style>/);
    const inline = renderBlueprintSvg(layout, { title: 'T', standalone: false });
    expect(inline.startsWith('<svg ')).toBe(true);
    expect(file).toContain(inline);
  });

  it('has the picture’s size and one element for every card, arrow and marker', () => {
    const svg = renderBlueprintSvg(layout, { title: 'T', standalone: false });
    expect(svg).toContain(`width="${layout.width}"`);
    expect(svg.match(/<g class="bp-card /g)).toHaveLength(2);
    expect(svg.match(/<path class="bp-edge" data-from/g)).toHaveLength(1);
    expect(svg.match(/<g class="bp-pain"/g)).toHaveLength(1);
    expect(svg).toContain('data-owners="d"');
    expect(svg.match(/class="bp-line"/g)).toHaveLength(3);
  });

  it('writes paths with one decimal', () => {
    expect(pathOf([{ x: 1.234, y: 2 }, { x: 1.234, y: 9.99 }])).toBe('M1.2 2 L1.2 10');
  });
});

describe('the list', () => {
  it('sums the stages, steps, actions and impact of each blueprint', () => {
    expect(summarise(hostileBlueprint())).toEqual({
      key: 'k',
      name: HOSTILE,
      state: 'CURRENT',
      stages: 1,
      steps: 1,
      actions: 2,
      painPoints: 1,
      totalImpact: 2,
    });
  });
});
