/// <reference lib="dom" />
/**
 * A blueprint page that stays current: it subscribes to blueprintChanged
 * (graphql-ws on /graphql) and, on a change by anyone, fetches the page anew
 * and swaps in the server-drawn parts (the grid, the history, the lint, the
 * version) without a reload; the caller then refreshes what the API draws.
 */
import { blueprintHref } from '../hrefs';
import { createClient } from 'graphql-ws';
import { Picture } from './picture';

const CHANGED = `
subscription Changed($key: String!) {
  blueprintChanged(key: $key) { version operation author deleted }
}`;

interface Change {
  version: number | null;
  operation: string;
  author: string | null;
  deleted: boolean;
}

/** The server-drawn parts of a blueprint page that a change redraws, besides the grid. */
const REDRAWN = ['#history-panel', '#lint-panel', '.version-label', '#blueprint-data'];

export interface LiveContext {
  key: string;
  picture: Picture;
  showStatus(message: string, error?: boolean): void;
  /** After the new parts are in: re-bind their controls and ask the API again. */
  redrawn(version: number): void;
}

export interface Live {
  /** Draws the blueprint anew now, unless the page already shows `version` or a newer one; settles once it does. */
  redraw(version: number): Promise<void>;
}

export function setupLive(context: LiveContext, shown: number): Live {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const client = createClient({ url, lazy: false, retryAttempts: Number.POSITIVE_INFINITY, shouldRetry: () => true });
  let sequence = 0;
  let latest: Change | null = null;
  let shownVersion = shown;
  /** Who waits for the page to show a version (an edit of this page, before its next edit). */
  const waiting: { version: number; resolve(): void }[] = [];

  const redraw = async () => {
    const mine = ++sequence;
    const change = latest;
    try {
      const response = await fetch(blueprintHref(context.key), { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (mine !== sequence) return;
      if (!response.ok) throw new Error(`the page answered ${response.status}`);
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      const grid = fresh.querySelector('#canvas');
      if (!grid?.querySelector('svg.bp-svg')) throw new Error('the new page has no grid');
      for (const selector of REDRAWN) {
        const now = document.querySelector(selector);
        const next = fresh.querySelector(selector);
        if (now && next) now.replaceWith(document.importNode(next, true));
      }
      context.picture.replace(grid);
      const data = JSON.parse(document.getElementById('blueprint-data')?.textContent ?? '{}') as { version?: number };
      const version = data.version ?? change?.version ?? 0;
      document.body.dataset.version = String(version);
      shownVersion = version;
      context.redrawn(version);
      for (const waiter of waiting.splice(0)) {
        if (waiter.version <= version) waiter.resolve();
        else waiting.push(waiter);
      }
      if (change) context.showStatus(`Now version ${version}: ${change.operation}${change.author ? ` by ${change.author}` : ''}`);
    } catch (error) {
      if (mine !== sequence) return;
      context.showStatus(`Could not show the latest version: ${(error as Error).message}`, true);
      // Nobody waits forever on a page that cannot be drawn: the next edit is then checked against what it shows.
      for (const waiter of waiting.splice(0)) waiter.resolve();
    }
  };

  client.subscribe<{ blueprintChanged: Change }>(
    { query: CHANGED, variables: { key: context.key } },
    {
      next: ({ data }) => {
        const change = data?.blueprintChanged;
        if (!change) return;
        if (change.version !== null && change.version <= shownVersion) return;
        latest = change;
        if (change.deleted) {
          sequence++;
          context.showStatus('This blueprint has been deleted.', true);
          return;
        }
        void redraw();
      },
      error: () => context.showStatus('Live updates stopped: reload the page to see changes by others.', true),
      complete: () => undefined,
    },
  );
  return {
    redraw: (version) => {
      if (version <= shownVersion) return Promise.resolve();
      // Whichever redraw gets there first (this one, or one a message started) settles it.
      const shownAt = new Promise<void>((resolve) => waiting.push({ version, resolve }));
      latest = null;
      void redraw();
      return shownAt;
    },
  };
}
