/** Keys in code-point order, as the contract sorts them ("ties by key ascending"), independent of locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
