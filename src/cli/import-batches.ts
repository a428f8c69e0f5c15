/**
 * Files in the batches that `blueprint import` sends, in order: each batch
 * one transaction of at most `maxDocuments` documents and, unless a single
 * document is larger, at most `maxBytes` of JSON (the server refuses a
 * request body above its limit, 16 MB by default). Pure.
 */
export function importBatches<T>(items: T[], sizeOf: (item: T) => number, maxDocuments: number, maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length >= maxDocuments || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What one batch may hold: a quarter of the server's default body limit leaves room for the JSON around the documents. */
export const IMPORT_BATCH_BYTES = 4 * 1024 * 1024;
