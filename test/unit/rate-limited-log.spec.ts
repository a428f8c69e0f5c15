import { RateLimitedLog } from '../../src/logging/rate-limited-log';

describe('a rate-limited log', () => {
  it('writes at most perWindow entries a window, then says how many it dropped', () => {
    let now = 0;
    const written: object[] = [];
    const log = new RateLimitedLog<{ n: number }>((entry) => written.push(entry), 2, 1000, () => now);
    for (let n = 0; n < 5; n++) log.log({ n });
    expect(written).toEqual([{ n: 0 }, { n: 1 }]);
    now = 1000;
    log.log({ n: 5 });
    log.log({ n: 6 });
    expect(written.slice(2)).toEqual([{ n: 5, suppressedBefore: 3 }, { n: 6 }]);
  });
});
