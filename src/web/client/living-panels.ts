/// <reference lib="dom" />
/** The history panel's restore buttons and the lint list's findings, on a blueprint page (bound again after a redraw). */
import { blueprintHref } from '../hrefs';
import { Picture } from './picture';

const RESTORE = `
mutation Restore($key: String!, $version: Int!, $expectedVersion: Int) {
  restoreBlueprint(key: $key, version: $version, expectedVersion: $expectedVersion) { version }
}`;

export interface LivingContext {
  key: string;
  /** The blueprint's version as the page shows it: a restore is made against it. */
  current(): number;
  picture: Picture;
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  showStatus(message: string, error?: boolean): void;
  /** Clears the page's other highlights (trace, department) before a finding's. */
  clearHighlights(): void;
}

export function setupLivingPanels(context: LivingContext): void {
  document.querySelectorAll<HTMLButtonElement>('button.restore').forEach((button) => {
    button.addEventListener('click', async () => {
      const version = Number(button.dataset.version);
      const next = context.current() + 1;
      const question =
        `Restore version ${version}? Its stages, actions and pain points become version ${next}, ` +
        'referencing the organisation as it is now. Every version stays in the history.';
      if (!window.confirm(question)) return;
      button.disabled = true;
      context.showStatus(`Restoring version ${version}…`);
      try {
        await context.graphql(RESTORE, { key: context.key, version, expectedVersion: context.current() });
        window.location.assign(blueprintHref(context.key));
      } catch (error) {
        context.showStatus((error as Error).message, true);
        button.disabled = false;
      }
    });
  });

  const findings = Array.from(document.querySelectorAll<HTMLButtonElement>('button.finding'));
  for (const button of findings) {
    button.addEventListener('click', () => {
      const pressed = button.getAttribute('aria-pressed') === 'true';
      findings.forEach((other) => other.setAttribute('aria-pressed', 'false'));
      context.clearHighlights();
      if (pressed) return;
      button.setAttribute('aria-pressed', 'true');
      context.picture.svg.classList.add('focused');
      for (const key of (button.dataset.cards ?? '').split(' ').filter(Boolean)) {
        const card = context.picture.cards.get(key);
        if (!card) continue;
        const twin = card.cloneNode(true) as SVGGElement;
        twin.classList.add('linted');
        context.picture.overlay.append(twin);
      }
    });
  }
}
