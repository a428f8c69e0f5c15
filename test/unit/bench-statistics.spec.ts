import { median, percentile, sampleAlternately, summarise } from '../../tools/bench/statistics';

describe('benchmark statistics', () => {
  it('takes the nearest-rank percentile', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(() => percentile([], 50)).toThrow('no samples');
  });

  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises samples', () => {
    expect(summarise([5, 1, 4, 2, 3])).toEqual({ runs: 5, median: 3, p95: 5, min: 1, max: 5 });
  });

  it('warms up, then times the cases in alternating order until the plan says stop', async () => {
    let now = 0;
    const calls: string[] = [];
    const costs: Record<string, number> = { a: 2, b: 5 };
    const run = (name: string) => async () => {
      calls.push(name);
      now += costs[name];
    };
    const samples = await sampleAlternately(
      { a: run('a'), b: run('b') },
      { warmUp: 2, warmUpMs: 0, minRuns: 3, maxRuns: 10, budgetMs: 20 },
      () => now,
    );
    // Two warm-up rounds, then rounds ab, ba, ab (21 ms after three rounds: over the budget).
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(samples).toEqual({ a: [2, 2, 2], b: [5, 5, 5] });
  });

  it('keeps warming up until the warm-up time has passed', async () => {
    let now = 0;
    let runs = 0;
    await sampleAlternately(
      { a: async () => ((now += 10), runs++) },
      { warmUp: 1, warmUpMs: 100, minRuns: 1, maxRuns: 1, budgetMs: 0 },
      () => now,
    );
    expect(runs).toBe(10 + 1);
  });
});
