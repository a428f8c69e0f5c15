/// <reference lib="dom" />
/** What the page script's parts share: building elements from data, the API, and the picture's overlay. */
import { MatchableCard } from '../../analysis/things';
import { textWidth } from '../blueprint-layout';
import { formatFigure, formatShare } from '../scales';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

/** An element with text content only: nothing from the data is ever parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A table of figures: the first column is text, the others are numbers, aligned right. */
export function figuresTable(cls: string, headers: string[], rows: { attributes: Record<string, string>; cells: (Node | string)[] }[]) {
  const align = (i: number): Record<string, string> => (i === 0 ? {} : { class: 'num' });
  return el(
    'table',
    { class: cls },
    el('thead', {}, el('tr', {}, ...headers.map((header, i) => el('th', align(i), header)))),
    el('tbody', {}, ...rows.map((row) => el('tr', row.attributes, ...row.cells.map((cell, i) => el('td', align(i), cell))))),
  );
}

export type GraphQL = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** An error the API answered, with its code and problems (`extensions`). */
export interface ApiError {
  message: string;
  extensions?: { code?: string; problems?: { path: string; message: string }[]; currentVersion?: number } & Record<string, unknown>;
}

/** Server-drawn markup as nodes of this page (the server escapes what it draws; the page's policy runs no inline script). */
export function fromMarkup(markup: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: ApiError[]) {
    // In the page's words: the problems' messages without the API's argument paths (`to: …`).
    super(errors.flatMap((e) => e.extensions?.problems?.map((p) => p.message) ?? [e.message]).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export const graphql: GraphQL = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: ApiError[] };
  if (body.errors && body.errors.length > 0) throw new GraphQLRequestError(body.errors);
  if (!response.ok || !body.data) throw new Error(`the API answered ${response.status}`);
  return body.data;
};

/** A copy of a card or arrow, marked, for the overlay. */
export function copyMarked<T extends SVGElement>(element: T, mark: string): T {
  const twin = element.cloneNode(true) as T;
  twin.classList.add(mark);
  return twin;
}

/** A small label under a card, in the overlay. */
export function cardLabel(card: SVGGElement, text: string, mark = ''): SVGGElement | null {
  const rect = card.querySelector('rect');
  if (!rect) return null;
  const x = Number(rect.getAttribute('x'));
  const y = Number(rect.getAttribute('y')) + Number(rect.getAttribute('height'));
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', `bp-trace-label${mark ? ` ${mark}` : ''}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  const label = document.createElementNS(SVG_NS, 'text');
  label.textContent = text;
  label.setAttribute('x', String(x + 6));
  label.setAttribute('y', String(y + 4));
  background.setAttribute('x', String(x + 2));
  background.setAttribute('y', String(y - 7));
  background.setAttribute('height', '15');
  background.setAttribute('rx', '3');
  // Measured by the layout's font metrics: asking the browser would lay the whole picture out once per label.
  background.setAttribute('width', String(textWidth(text, 10, true) + 8));
  group.append(background, label);
  return group;
}

/** What a card of the server-drawn grid says of its action (blueprint-svg.ts, matchAttributes). */
export function cardOfElement(card: SVGGElement): MatchableCard {
  const list = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
  return {
    key: card.dataset.action ?? '',
    stepKey: card.dataset.step ?? '',
    lane: card.dataset.lane ?? '',
    roleKey: card.dataset.role || null,
    processKey: card.dataset.process || null,
    systemKeys: list(card.dataset.systems),
    ownerKeys: list(card.dataset.owners),
  };
}

/** A card's name as drawn, its wrapped lines joined. */
export function cardName(card: SVGGElement): string {
  const lines = Array.from(card.querySelectorAll('text.bp-card-name tspan')).map((span) => span.textContent?.trim() ?? '');
  return lines.filter(Boolean).join(' ') || (card.dataset.action ?? '');
}

/** One entry of a ranking (a department, system, step...): rank, name, score and share, and a bar scaled to the largest share. */
export function rankedEntryButton(entry: { rank: number; score: number; share: number }, name: (Node | string)[], maxShare: number): HTMLButtonElement {
  const fill = el('span');
  fill.style.width = `${maxShare > 0 ? (100 * entry.share) / maxShare : 0}%`;
  return el(
    'button',
    { type: 'button', class: 'department', 'aria-pressed': 'false' },
    el('span', { class: 'rank' }, `${entry.rank}.`),
    el('span', { class: 'name' }, ...name),
    el('span', { class: 'figures-cell' }, `${formatFigure(entry.score)} · `, el('span', { class: 'share' }, formatShare(entry.share))),
    el('span', { class: 'bar' }, fill),
  );
}

/** A ranking's figures above its entries, or a hint where nothing ranks. */
export function rankingOf(figures: string[], items: HTMLElement[], empty: string): HTMLElement[] {
  return [
    el('div', { class: 'figures' }, ...figures.map((figure) => el('span', {}, figure))),
    items.length > 0 ? el('ol', { class: 'ranking' }, ...items) : el('p', { class: 'hint' }, empty),
  ];
}

