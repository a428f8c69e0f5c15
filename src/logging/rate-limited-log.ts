/**
 * Lets through at most `perWindow` entries per window and counts the rest,
 * so that a flood of refused requests cannot flood the log; the first entry
 * after a window with drops says how many were dropped.
 */
export class RateLimitedLog<T extends object> {
  private windowStart = 0;
  private written = 0;
  private dropped = 0;

  constructor(
    private readonly write: (entry: T & { suppressedBefore?: number }) => void,
    private readonly perWindow = 20,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  log(entry: T): void {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.written = 0;
    }
    if (this.written >= this.perWindow) {
      this.dropped++;
      return;
    }
    this.written++;
    if (this.dropped > 0) {
      this.write({ ...entry, suppressedBefore: this.dropped });
      this.dropped = 0;
    } else {
      this.write(entry);
    }
  }
}
