import { stringify } from 'yaml';

const REQUIRED_LISTS = new Set(['stages', 'steps', 'actions']);

/** A document as a file: nulls and empty optional lists left out, so files stay as people write them. */
export function tidyDocument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => tidyDocument(item));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      if (inner === null || inner === undefined) continue;
      if (Array.isArray(inner) && inner.length === 0 && !REQUIRED_LISTS.has(field)) continue;
      out[field] = tidyDocument(inner);
    }
    return out;
  }
  return value;
}

export function documentText(document: unknown, format: 'yaml' | 'json'): string {
  const tidy = tidyDocument(document);
  return format === 'json' ? JSON.stringify(tidy, null, 2) + '\n' : stringify(tidy, { lineWidth: 0 });
}
