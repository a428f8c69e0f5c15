/**
 * How figures become sizes and colours in the picture. Shared by the server's
 * renderer and the page's script, so both draw the same way.
 */

export type PainCategoryName = 'FINANCIAL' | 'PROCESS' | 'SUPPORT' | 'PRODUCTIVITY' | 'OTHER';

/** The largest impact a pain point can have: severity 5 at frequency 1. */
export const MAX_IMPACT = 5;
export const MARKER_MIN_RADIUS = 5;
export const MARKER_MAX_RADIUS = 14;

/** A marker's area grows with the impact; the smallest stays big enough to click. */
export function markerRadius(impact: number): number {
  const share = Math.min(1, Math.max(0, impact / MAX_IMPACT));
  return Math.max(MARKER_MIN_RADIUS, MARKER_MAX_RADIUS * Math.sqrt(share));
}

export const EDGE_BASE_WIDTH = 1.25;
export const EDGE_MIN_TRACE_WIDTH = 1.5;
export const EDGE_MAX_TRACE_WIDTH = 9;

/** The stroke width of an edge that carried `mass` of a trace whose heaviest edge carried `maxMass`: in proportion. */
export function traceEdgeWidth(mass: number, maxMass: number): number {
  if (!(maxMass > 0) || !(mass > 0)) return EDGE_BASE_WIDTH;
  return Math.max(EDGE_MIN_TRACE_WIDTH, (EDGE_MAX_TRACE_WIDTH * Math.min(mass, maxMass)) / maxMass);
}

export const CATEGORY_COLOURS: Record<PainCategoryName, string> = {
  FINANCIAL: '#c2185b',
  PROCESS: '#e65100',
  SUPPORT: '#6a1b9a',
  PRODUCTIVITY: '#00838f',
  OTHER: '#546e7a',
};

export const CATEGORY_LABELS: Record<PainCategoryName, string> = {
  FINANCIAL: 'Financial',
  PROCESS: 'Process',
  SUPPORT: 'Support',
  PRODUCTIVITY: 'Productivity',
  OTHER: 'Other',
};

export function categoryColour(category: string): string {
  return CATEGORY_COLOURS[category as PainCategoryName] ?? CATEGORY_COLOURS.OTHER;
}

/** Figures as the page prints them: a few significant digits, no float noise. */
export function formatFigure(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** A share (0..1) as a percentage with one decimal. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
