/// <reference lib="dom" />
/**
 * A blueprint page that stays current: it subscribes to blueprintChanged
 * (graphql-ws on /graphql) and, on a change by anyone, fetches the
 * server-drawn parts of the newest version (`/blueprints/KEY/parts`: the
 * grid, the history, the lint) and swaps them in without a reload; the caller
 * then refreshes what the API draws.
 */
import { blueprintHref } from '../hrefs';
import type { BlueprintParts } from '../web.service';
import { createClient } from 'graphql-ws';
import { Picture } from './picture';
import { fromMarkup } from './dom';

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
  /** The version the redraw in flight is sure to show (it started after that version was committed); 0 when none is. */
  let inFlight = 0;
  /** Who waits for the page to show a version (an edit of this page, before its next edit). */
  const waiting: { version: number; resolve(): void }[] = [];

  const redraw = async (target: number) => {
    const mine = ++sequence;
    const change = latest;
    inFlight = target;
    try {
      const response = await fetch(`${blueprintHref(context.key)}/parts`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (mine !== sequence) return;
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const parts = (await response.json()) as BlueprintParts;
      if (mine !== sequence) return;
      context.picture.replace(parts.grid);
      swapIn('#history-panel', parts.history);
      swapIn('#lint-panel', parts.lint);
      const version = parts.version;
      document.querySelectorAll('.version-label').forEach((label) => (label.textContent = `version ${version}`));
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
    } finally {
      if (mine === sequence) inFlight = 0;
    }
  };

  client.subscribe<{ blueprintChanged: Change }>(
    { query: CHANGED, variables: { key: context.key } },
    {
      next: ({ data }) => {
        const change = data?.blueprintChanged;
        if (!change) return;
        // An edit of this page is already fetching its version (or a newer one): a second fetch would only restart it.
        if (change.version !== null && change.version <= Math.max(shownVersion, inFlight)) return;
        latest = change;
        if (change.deleted) {
          sequence++;
          context.showStatus('This blueprint has been deleted.', true);
          return;
        }
        void redraw(change.version ?? 0);
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
      if (version > inFlight) {
        latest = null;
        void redraw(version);
      }
      return shownAt;
    },
  };
}

/** Replaces the element `selector` finds with the one `markup` draws. */
function swapIn(selector: string, markup: string): void {
  const next = fromMarkup(markup).firstElementChild;
  if (next) document.querySelector(selector)?.replaceWith(next);
}
