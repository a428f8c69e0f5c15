/**
 * Whether two values of plain data (what JSON holds, and the driver's
 * Integers, which are plain objects too) are equal: lists in order, objects
 * by their fields in any order, `undefined` fields as absent. A walk that
 * stops at the first difference, for comparing many small records (an edit's
 * rows, a version's records) without serialising each of them.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const field in x) {
    if (x[field] === undefined) continue;
    count++;
    if (!sameValue(x[field], y[field])) return false;
  }
  for (const field in y) if (y[field] !== undefined) count--;
  return count === 0;
}
