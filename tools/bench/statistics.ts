import { performance } from 'node:perf_hooks';

/**
 * Samples and their summaries. Figures on a shared machine drift, so the
 * benchmark reports ratios between cases measured in the same run, and
 * measures the cases of a comparison in alternation: a burst of load from
 * elsewhere then lands on both sides instead of on one.
 */

export interface Summary {
  runs: number;
  /** Milliseconds. */
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The nearest-rank percentile (p in 0..100) of samples sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: median(sorted),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

export interface SamplingPlan {
  /** Untimed runs of every case first (JIT, plan caches, connection pools): at least this many... */
  warmUp: number;
  /** ...and for at least this long. */
  warmUpMs: number;
  minRuns: number;
  maxRuns: number;
  /** Stop adding rounds past this much time, once minRuns are in. */
  budgetMs: number;
}

export const DEFAULT_SAMPLING: SamplingPlan = { warmUp: 10, warmUpMs: 5_000, minRuns: 30, maxRuns: 200, budgetMs: 30_000 };

/**
 * Times each case once per round, in an order that alternates between
 * rounds, until the plan says stop. Returns the samples (ms) by case name.
 */
export async function sampleAlternately(
  cases: Record<string, () => Promise<unknown>>,
  plan: SamplingPlan = DEFAULT_SAMPLING,
  clock: () => number = () => performance.now(),
): Promise<Record<string, number[]>> {
  const names = Object.keys(cases);
  if (names.length === 0) throw new Error('nothing to measure');
  const warming = clock();
  for (let w = 0; w < plan.warmUp || clock() - warming < plan.warmUpMs; w++) for (const name of names) await cases[name]();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const started = clock();
  for (let round = 0; round < plan.maxRuns; round++) {
    if (round >= plan.minRuns && clock() - started > plan.budgetMs) break;
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const t0 = clock();
      await cases[name]();
      samples[name].push(clock() - t0);
    }
  }
  return samples;
}

