import { didYouMean, editDistance, nearestName } from '../../src/common/nearest-name';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours, one each', () => {
    expect(editDistance('check-in', 'check-in')).toBe(0);
    expect(editDistance('chek-in', 'check-in')).toBe(1);
    expect(editDistance('check-inn', 'check-in')).toBe(1);
    expect(editDistance('dependsOm', 'dependsOn')).toBe(1);
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('ignores case', () => {
    expect(editDistance('backstage', 'BACKSTAGE')).toBe(0);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['ca-ask', 'fs-answer'], ['frontstage', 'FRONTSTGAE'], ['abc', 'ca']]) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });
});

describe('nearestName', () => {
  const lanes = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'];

  it('names the nearest candidate when it is a likely slip', () => {
    expect(nearestName('BACKSTGE', lanes)).toBe('BACKSTAGE');
    expect(nearestName('backstage', lanes)).toBe('BACKSTAGE');
    expect(nearestName('chek-in', ['check-out', 'check-in', 'pay'])).toBe('check-in');
    expect(nearestName('dependsOm', ['key', 'lane', 'dependsOn', 'systems'])).toBe('dependsOn');
  });

  it('allows two edits for short names and a third of the length for long ones', () => {
    expect(nearestName('abcxy', ['abcde'])).toBe('abcde');
    expect(nearestName('abxyz', ['abcde'])).toBeUndefined();
    // 12 characters: 4 edits allowed, not 5.
    expect(nearestName('abcdefghijkl', ['abcdefghWXYZ'])).toBe('abcdefghWXYZ');
    expect(nearestName('abcdefghijkl', ['abcdefgVWXYZ'])).toBeUndefined();
  });

  it('names nothing for a name that is another name altogether, or itself a candidate', () => {
    expect(nearestName('fs-missing', ['ca-ask', 'fs-answer'])).toBeUndefined();
    expect(nearestName('it', ['hr'])).toBeUndefined();
    expect(nearestName('CUSTOMER', lanes)).toBeUndefined();
    expect(nearestName('anything', [])).toBeUndefined();
    expect(nearestName('', ['a'])).toBeUndefined();
  });

  it('prefers the nearer of two near names, and the first of equals', () => {
    expect(nearestName('check-ix', ['check-iy', 'check-in'])).toBe('check-iy');
    expect(nearestName('check-inx', ['check-ix', 'check-in'])).toBe('check-ix');
  });
});

describe('didYouMean', () => {
  it('ends a message with the nearest name, or with nothing', () => {
    expect(didYouMean('chek-in', ['check-in'])).toBe(' (did you mean "check-in"?)');
    expect(didYouMean('elsewhere', ['check-in'])).toBe('');
    expect(didYouMean(42, ['check-in'])).toBe('');
  });
});
