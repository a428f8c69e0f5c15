import fc from 'fast-check';
import { int } from 'neo4j-driver';
import { sameValue } from '../../src/common/same-value';

/** Plain data compared by value: what JSON with sorted keys says, without serialising. */
describe('sameValue', () => {
  /** JSON of a value with every object's keys sorted: equal exactly when the values are. */
  const canonicalJson = (value: unknown): string =>
    JSON.stringify(value, (_key, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );

  it('agrees with sorted-key JSON on any plain data', () => {
    const small = fc.oneof(fc.constantFrom(0, 1, 'a', 'b', null, true), fc.integer({ min: -2, max: 2 }));
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, small, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(data, data, (a, b) => {
        expect(sameValue(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameValue(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('treats undefined fields as absent, lists by order, objects apart from lists, and Integers by value', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: null }, {})).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameValue({ position: int(3) }, { position: int(3) })).toBe(true);
    expect(sameValue({ position: int(3) }, { position: int(4) })).toBe(false);
  });
});
