import type { GraphQLFormattedError } from 'graphql';

/**
 * Every BAD_USER_INPUT carries `extensions.problems` (the contract's shape),
 * also the ones GraphQL itself raises when a variable's value does not fit
 * its type: `Variable "$document" got invalid value null at
 * "document.stages[0].name"; Expected ...` becomes one problem at
 * `document.stages[0].name` (or at `$name` when the value as a whole is wrong,
 * and at the field itself when one is missing or unknown).
 */
export function withProblemList(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (extensions.code !== 'BAD_USER_INPUT' || Array.isArray(extensions.problems)) return formatted;
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(formatted.message);
  if (!variable) return { ...formatted, extensions: { ...extensions, problems: [{ path: '', message: formatted.message }] } };
  const [, name, at, message] = variable;
  // A missing or unknown field is named in the message: the problem is at that field, not at its object.
  const field = /^Field "(\w+)" (?:of required type|is not defined by type)/.exec(message)?.[1];
  const path = (at ?? `$${name}`) + (field ? `.${field}` : '');
  const problem = { path, message };
  return { ...formatted, extensions: { ...extensions, problems: [problem] } };
}
