/** Line diffs, to write a changed file so that it differs from what it was only where it must. */

/**
 * The pairs [i, j] with a[i] === b[j] that a shortest edit script from `a` to
 * `b` keeps (Myers' algorithm), in order; undefined when more than `maxEdits`
 * lines differ, where the search would take too long to be worth it.
 */
export function commonLines(a: string[], b: string[], maxEdits = 2000): [number, number][] | undefined {
  // The common head and tail cost nothing; the search runs on what is between.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let [endA, endB] = [a.length, b.length];
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  const n = endA - head;
  const m = endB - head;
  const same = (x: number, y: number) => a[head + x] === b[head + y];

  // v[k + offset]: the furthest x reached on diagonal k (y = x - k); each step keeps v for diagonals -d-1..d+1.
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let edits = -1;
  search: for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(x, y)) [x, y] = [x + 1, y + 1];
      v[offset + k] = x;
      if (x >= n && y >= m) {
        edits = d;
        break search;
      }
    }
  }
  if (edits < 0) return undefined;

  const middle: [number, number][] = [];
  let [x, y] = [n, m];
  for (let d = edits; d >= 0; d--) {
    const before = trace[d];
    const at = (k: number) => before[k + d + 1];
    const k = x - y;
    const previous = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previous);
    const previousY = d === 0 ? 0 : previousX - previous;
    while (x > previousX && y > previousY) {
      [x, y] = [x - 1, y - 1];
      middle.push([head + x, head + y]);
    }
    [x, y] = [previousX, previousY];
  }
  const pairs: [number, number][] = Array.from({ length: head }, (_, i) => [i, i]);
  pairs.push(...middle.reverse());
  for (let i = 0; endA + i < a.length; i++) pairs.push([endA + i, endB + i]);
  return pairs;
}

/**
 * `updated` with every stretch that an edit left as it was taken from
 * `original` instead. `base` and `updated` are the same writer's text of a
 * document before and after the edit; `original` is the document as a person
 * wrote it (the writer's text of it may differ in spacing or quotes), so that
 * what the edit did not touch stays as it was, byte for byte. Undefined when
 * the texts are too far apart to be linked.
 */
export function mergeEdit(original: string[], base: string[], updated: string[]): string[] | undefined {
  const toUpdated = commonLines(base, updated);
  const toOriginal = commonLines(base, original);
  if (!toUpdated || !toOriginal) return undefined;
  const originalOf = new Map(toOriginal);
  // Lines that all three share, in order: the edit left them, and the original has them as they are.
  const anchors = toUpdated.filter(([b]) => originalOf.has(b)).map(([b, u]): [number, number, number] => [b, u, originalOf.get(b)!]);
  anchors.push([base.length, updated.length, original.length]);
  const kept = new Map(toUpdated.map(([b, u]) => [u, b]));
  const merged: string[] = [];
  let [b0, u0, o0] = [-1, -1, -1];
  for (const [b, u, o] of anchors) {
    const untouched = b - b0 === u - u0 && base.slice(b0 + 1, b).every((line, i) => line === updated[u0 + 1 + i]);
    if (untouched) merged.push(...original.slice(o0 + 1, o));
    else {
      // Where the original's lines are the writer's one for one (only spaced or quoted otherwise), a line the edit kept is the original's.
      const oneForOne = b - b0 === o - o0;
      for (let line = u0 + 1; line < u; line++) {
        const from = kept.get(line);
        merged.push(oneForOne && from !== undefined ? original[o0 + (from - b0)] : updated[line]);
      }
    }
    if (o < original.length) merged.push(original[o]);
    [b0, u0, o0] = [b, u, o];
  }
  return merged;
}
