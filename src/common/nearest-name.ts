/**
 * "Did you mean ...?" for a name that is not known: the known name nearest to
 * it, when it is near enough to be a slip of the keyboard rather than another
 * name altogether.
 */

/**
 * How many single-character edits (insertions, deletions, substitutions, and
 * swaps of two neighbours, the commonest slip) turn `a` into `b`, ignoring case
 * (`backstage` is meant as `BACKSTAGE`).
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // Three rows of the table suffice: a swap looks two rows back.
  let beforeLast: number[] = [];
  let last = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) row[j] = Math.min(row[j], beforeLast[j - 2] + 1);
    }
    [beforeLast, last] = [last, row];
  }
  return last[y.length];
}

/**
 * The candidate nearest to `name`, if it is within max(2, a third of the
 * name's length) edits and does not replace the whole name; the first of equals.
 * Undefined when `name` is itself a candidate or none is near.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const known = [...candidates];
  if (name === '' || known.includes(name)) return undefined;
  const allowed = Math.min(Math.max(2, Math.floor(name.length / 3)), name.length - 1);
  let nearest: string | undefined;
  let nearestDistance = allowed + 1;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < nearestDistance) [nearest, nearestDistance] = [candidate, distance];
  }
  return nearest;
}

/** ` (did you mean "X"?)` to end a message about `name`, or nothing when no candidate is near. */
export function didYouMean(name: unknown, candidates: Iterable<string>): string {
  const nearest = typeof name === 'string' ? nearestName(name, candidates) : undefined;
  return nearest === undefined ? '' : ` (did you mean "${nearest}"?)`;
}
