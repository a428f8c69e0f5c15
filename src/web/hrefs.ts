/** The addresses of the pages, for the server-drawn pages and the page script alike. Pure. */

export function blueprintHref(key: string): string {
  return `/blueprints/${encodeURIComponent(key)}`;
}

/** A blueprint's page with an opportunity's fix-set applied. */
export function opportunityHref(blueprintKey: string, opportunityKey: string): string {
  return `${blueprintHref(blueprintKey)}?opportunity=${encodeURIComponent(opportunityKey)}`;
}
