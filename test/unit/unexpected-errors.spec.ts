import { GraphQLError } from 'graphql';
import { unexpectedErrorsPlugin } from '../../src/logging/unexpected-errors.plugin';

/** The plugin's hooks as Apollo calls them, on a response of two errors: one expected, one a bug. */
async function respond(production: boolean) {
  const logged: unknown[] = [];
  const plugin = unexpectedErrorsPlugin(production, { error: (entry: unknown) => logged.push(entry) } as never);
  const bug = new GraphQLError("Cannot read properties of undefined (reading 'key')", { path: ['blueprint'] });
  const expected = new GraphQLError('No blueprint has the key "x"', { extensions: { code: 'NOT_FOUND' } });
  const singleResult = { data: null, errors: [expected.toJSON(), bug.toJSON()] };
  const listener = await plugin.requestDidStart!({ contextValue: { req: { requestId: 'req-7' } } } as never);
  await listener!.willSendResponse!({ response: { body: { kind: 'single', singleResult } }, errors: [expected, bug] } as never);
  return { errors: singleResult.errors, logged };
}

describe('unexpected errors', () => {
  it('in production reach the client as INTERNAL_SERVER_ERROR with the request id only, and are logged in full', async () => {
    const { errors, logged } = await respond(true);
    expect(errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: 'No blueprint has the key "x"' });
    expect(errors[1]).toEqual({ message: 'Internal server error (request id req-7)', path: ['blueprint'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-7' } });
    expect(logged).toEqual([expect.objectContaining({ requestId: 'req-7', error: "Cannot read properties of undefined (reading 'key')" })]);
  });

  it('in development keep their message', async () => {
    const { errors } = await respond(false);
    expect(errors[1].message).toMatch(/Cannot read properties/);
  });
});
