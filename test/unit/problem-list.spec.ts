import { withProblemList } from '../../src/common/problem-list';

describe('withProblemList', () => {
  it("gives GraphQL's own BAD_USER_INPUT for a variable the problem list, at the value's path", () => {
    const nested = withProblemList({
      message: 'Variable "$document" got invalid value null at "document.stages[0].name"; Expected non-nullable type "String!" not to be null.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(nested.extensions!.problems).toEqual([{ path: 'document.stages[0].name', message: 'Expected non-nullable type "String!" not to be null.' }]);
    const whole = withProblemList({
      message: 'Variable "$f" got invalid value "three"; Int cannot represent non-integer value: "three"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(whole.extensions!.problems).toEqual([{ path: '$f', message: 'Int cannot represent non-integer value: "three"' }]);
  });

  it('puts a missing or unknown field at the field', () => {
    const missing = withProblemList({
      message: 'Variable "$d" got invalid value { key: "s" } at "d.stages[0]"; Field "name" of required type "String!" was not provided.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(missing.extensions!.problems).toEqual([{ path: 'd.stages[0].name', message: 'Field "name" of required type "String!" was not provided.' }]);
  });

  it('leaves problem lists that exist and other codes alone', () => {
    const listed = { message: 'x', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'a', message: 'b' }] } };
    expect(withProblemList(listed)).toBe(listed);
    const other = { message: 'x', extensions: { code: 'NOT_FOUND' } };
    expect(withProblemList(other)).toBe(other);
  });
});
