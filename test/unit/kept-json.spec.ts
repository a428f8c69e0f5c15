import { FormattedExecutionResult } from 'graphql';
import { keptCopy, responseJson } from '../../src/analysis/kept-json';

/** A response as GraphQL builds it: objects without a prototype. */
function executed(): FormattedExecutionResult {
  const pair = Object.assign(Object.create(null), { from: { key: 'ops' }, to: { key: 'it' }, handoffs: 3, impact: 0.25 });
  return { data: Object.assign(Object.create(null), { departmentDependencies: [pair] }) };
}

/** The fields of a response in a new object, as Apollo hands them to its serialisation. */
const asApolloSends = ({ errors, data, extensions }: FormattedExecutionResult): FormattedExecutionResult => ({ errors, data, extensions });

describe('kept response JSON', () => {
  afterEach(() => jest.restoreAllMocks());

  it('serialises a response that was not kept as Apollo does', () => {
    const result = executed();
    expect(responseJson(result)).toBe(JSON.stringify(result) + '\n');
  });

  it('sends a kept response, and the response it was kept from, as the JSON it was kept with, serialising neither again', () => {
    const sent = executed();
    const { result, json } = keptCopy(sent);
    expect(json).toBe(JSON.stringify(sent) + '\n');
    expect(result).toEqual(JSON.parse(json));
    const stringify = jest.spyOn(JSON, 'stringify');
    expect(responseJson(asApolloSends(sent))).toBe(json);
    expect(responseJson(asApolloSends(result))).toBe(json);
    expect(stringify).not.toHaveBeenCalled();
  });

  it('serialises a kept response anew when its errors or extensions are not the kept ones', () => {
    const { result } = keptCopy(executed());
    const extended = { ...asApolloSends(result), extensions: { warning: 'partial' } };
    expect(JSON.parse(responseJson(extended))).toEqual({ ...JSON.parse(JSON.stringify(result)), extensions: { warning: 'partial' } });
    const failed = { ...asApolloSends(result), errors: [{ message: 'too large' }] };
    expect(JSON.parse(responseJson(failed)).errors).toEqual([{ message: 'too large' }]);
  });
});
