import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

/** Long enough to keep the overhead of pausing small, short enough that other requests wait little. */
const SLICE_MS = 20;

/**
 * Long arithmetic shares the one event loop that also serves /health and every
 * other client. Work calls `pace()` between small steps; once the current
 * slice of time is used up, every paced task in the process waits for the same
 * next turn of the loop, so that I/O is served between slices however many
 * requests compute at once (with a slice each, thirty concurrent ones would
 * otherwise run thirty slices back to back).
 */
let sliceStart = performance.now();
let nextTurn: Promise<void> | undefined;

export function pace(): Promise<void> | undefined {
  if (performance.now() - sliceStart < SLICE_MS) return undefined;
  nextTurn ??= setImmediate().then(() => {
    nextTurn = undefined;
    sliceStart = performance.now();
  });
  return nextTurn;
}

/** Runs steps to their end, pausing between them as `pace` does. */
export async function drain(steps: Iterator<unknown>): Promise<void> {
  while (!steps.next().done) {
    const turn = pace();
    if (turn) await turn;
  }
}
