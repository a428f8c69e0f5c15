/// <reference lib="dom" />
/**
 * The server-drawn grid on the page, and what the script keeps of it: its
 * cards and arrows by key, and the overlay layer highlights are drawn in.
 * When the blueprint changes the grid is drawn anew on the server and swapped
 * in (`replace`); whoever keeps handles on it asks the picture again rather
 * than holding on to the old elements.
 */
import { SVG_NS } from './dom';

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

  /** Swaps in a newly drawn grid: the children of the new page's canvas (the SVG and its edit controls). */
  replace(canvas: Element): void {
    this.canvas.replaceChildren(...Array.from(canvas.childNodes).map((node) => document.importNode(node, true)));
    this.bind();
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
