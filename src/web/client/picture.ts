/// <reference lib="dom" />
/**
 * The server-drawn grid on the page, and what the script keeps of it: its
 * cards and arrows by key, and the overlay layer highlights are drawn in.
 * When the blueprint changes the grid is drawn anew on the server and swapped
 * in (`replace`); whoever keeps handles on it asks the picture again rather
 * than holding on to the old elements.
 */
import { SVG_NS, fromMarkup } from './dom';

export class Picture {
  svg!: SVGSVGElement;
  readonly cards = new Map<string, SVGGElement>();
  readonly edges = new Map<string, SVGPathElement>();
  overlay!: SVGGElement;
  private readonly onBind: (() => void)[] = [];

  constructor(readonly canvas: HTMLElement) {
    this.bind();
  }

  /** Whether the page has a grid at all. */
  get present(): boolean {
    return this.svg !== undefined;
  }

  /** Runs `hook` now and after every redraw (e.g. to make the new cards focusable). */
  whenDrawn(hook: () => void): void {
    this.onBind.push(hook);
    if (this.present) hook();
  }

  /** Swaps in a newly drawn grid: the server's markup of the canvas (the SVG and its edit controls). */
  replace(markup: string): void {
    // Focus stays where the user was: on the same card, marker or control of the new grid.
    const focused = document.activeElement instanceof Element && this.canvas.contains(document.activeElement) ? identityOf(document.activeElement) : null;
    this.canvas.replaceChildren(fromMarkup(markup));
    this.bind();
    if (focused) this.canvas.querySelector<HTMLElement | SVGElement>(focused)?.focus();
  }

  private bind(): void {
    const svg = this.canvas.querySelector<SVGSVGElement>('svg.bp-svg');
    this.cards.clear();
    this.edges.clear();
    if (!svg) return;
    this.svg = svg;
    svg.querySelectorAll<SVGGElement>('g.bp-card').forEach((card) => this.cards.set(card.dataset.action ?? '', card));
    svg.querySelectorAll<SVGPathElement>('path.bp-edge[data-from]').forEach((edge) => {
      this.edges.set(`${edge.dataset.from}\u0000${edge.dataset.to}`, edge);
    });
    // Highlights are copies drawn in a layer of their own above the dimmed picture: dimming two layers
    // and copying the few cards in focus costs far less than restyling hundreds of cards and arrows.
    this.overlay = document.createElementNS(SVG_NS, 'g') as SVGGElement;
    this.overlay.setAttribute('class', 'bp-overlay');
    svg.insertBefore(this.overlay, svg.querySelector('g.bp-markers'));
    for (const hook of this.onBind) hook();
  }
}

/** A selector that finds the same card, pain point marker or grid control in a redrawn grid. */
export function identityOf(element: Element): string | null {
  const quoted = (value: string | undefined) => `"${CSS.escape(value ?? '')}"`;
  const card = element.closest<SVGGElement>('g.bp-card[data-action]');
  if (card) return `g.bp-cards g.bp-card[data-action=${quoted(card.dataset.action)}]`;
  const marker = element.closest<SVGGElement>('g.bp-pain[data-pain]');
  if (marker) return `g.bp-pain[data-pain=${quoted(marker.dataset.pain)}]`;
  const control = element.closest<HTMLElement>('.edit-layer button');
  if (!control) return null;
  const [attribute, value] = control.dataset.step !== undefined ? ['data-step', control.dataset.step] : ['data-stage', control.dataset.stage];
  return `.edit-layer button.${control.classList[0]}[${attribute}=${quoted(value)}]`;
}
