import { SharedRead } from '../../src/common/shared-read';

/** A read whose results the test hands out one by one, in the order the reads started. */
function controlledRead() {
  const pending: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const read = () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
  return { read, pending };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedRead', () => {
  it('reads once for callers that arrive while no read runs, and again for each later one', async () => {
    const { read, pending } = controlledRead();
    const shared = new SharedRead(read);
    const first = shared.get();
    expect(pending).toHaveLength(1);
    pending[0].resolve(1);
    await expect(first).resolves.toBe(1);
    await settle();
    const second = shared.get();
    expect(pending).toHaveLength(2);
    pending[1].resolve(2);
    await expect(second).resolves.toBe(2);
  });

  it('never answers a caller with a read that started before it asked', async () => {
    const { read, pending } = controlledRead();
    const shared = new SharedRead(read);
    const early = shared.get();
    const late = [shared.get(), shared.get(), shared.get()];
    // The late callers wait for a read of their own, which starts only once the running one ends.
    expect(pending).toHaveLength(1);
    pending[0].resolve(1);
    await expect(early).resolves.toBe(1);
    await settle();
    expect(pending).toHaveLength(2);
    pending[1].resolve(2);
    await expect(Promise.all(late)).resolves.toEqual([2, 2, 2]);
  });

  it('fails only the callers of the read that failed', async () => {
    const { read, pending } = controlledRead();
    const shared = new SharedRead(read);
    const early = shared.get();
    const late = shared.get();
    pending[0].reject(new Error('database unavailable'));
    await expect(early).rejects.toThrow('database unavailable');
    await settle();
    pending[1].resolve(7);
    await expect(late).resolves.toBe(7);
  });
});
