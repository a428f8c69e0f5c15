import { importBatches } from '../../src/cli/import-batches';

describe('the batches of blueprint import', () => {
  it('keeps the order, at most so many documents and bytes a batch, a larger document alone', () => {
    const sizes = [1, 1, 1, 5, 1, 1, 1, 1, 1];
    const batches = importBatches(sizes.map((size, i) => ({ i, size })), (item) => item.size, 3, 4);
    expect(batches.map((batch) => batch.map((item) => item.i))).toEqual([[0, 1, 2], [3], [4, 5, 6], [7, 8]]);
    expect(importBatches([], () => 1, 3, 4)).toEqual([]);
  });
});
