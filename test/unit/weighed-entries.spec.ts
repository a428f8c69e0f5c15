import { WeighedEntries } from '../../src/common/recent-entries';

describe('WeighedEntries', () => {
  it('drops the least recently used once the weight is over the limit', () => {
    const entries = new WeighedEntries<string>(10);
    entries.set('a', 'A', 4);
    entries.set('b', 'B', 4);
    entries.touch('a');
    entries.set('c', 'C', 4);
    expect([...entries].map(([key]) => key)).toEqual(['a', 'c']);
    expect(entries.weight).toBe(8);
    expect(entries.get('b')).toBeUndefined();
  });

  it('counts a replaced entry once, and keeps nothing heavier than the limit', () => {
    const entries = new WeighedEntries<string>(10);
    entries.set('a', 'A', 6);
    entries.set('a', 'A2', 3);
    expect(entries.weight).toBe(3);
    expect(entries.get('a')).toBe('A2');
    entries.set('huge', 'H', 11);
    expect(entries.get('huge')).toBeUndefined();
    expect([...entries].map(([key]) => key)).toEqual(['a']);
    entries.delete('a');
    expect(entries.weight).toBe(0);
  });

  it('is bounded by count too, when given one', () => {
    const entries = new WeighedEntries<string>(100, 2);
    for (const key of ['a', 'b', 'c']) entries.set(key, key, 1);
    expect([...entries].map(([key]) => key)).toEqual(['b', 'c']);
    expect(entries.weight).toBe(2);
  });

  it('keeps nothing with a limit of 0', () => {
    const entries = new WeighedEntries<number>(0);
    entries.set('a', 1, 1);
    expect([...entries]).toEqual([]);
  });
});
