import { ApolloServerPlugin } from '@apollo/server';
import { drain } from '../common/pacer';
import { GraphQLError, GraphQLResolveInfo, GraphQLSchema, Kind, SelectionSetNode, defaultFieldResolver } from 'graphql';

/**
 * How many fields one response may hold, counted from the data before the
 * answer is built: the cost rule estimates a list it cannot see as 10 items,
 * but a blueprint's lists are as long as its data (5,000 actions, each with
 * its dependencies), so an innocent-looking nesting can ask for millions of
 * objects. Each root field's value is walked along the selection, in memory,
 * before graphql-js builds anything from it (which costs some microseconds a
 * field and holds the event loop); the walk stops at the budget.
 */
export class ResponseBudget {
  private spent = 0;
  exceeded = false;

  constructor(readonly maxFields: number) {}

  charge(fields: number): void {
    this.spent += fields;
    if (this.spent > this.maxFields) {
      this.exceeded = true;
      throw responseTooLarge(this.maxFields);
    }
  }
}

/**
 * A mutation's answer is measured after its write committed: its error says
 * so (`written`), so that a client does not take the change for undone.
 */
export function responseTooLarge(maxFields: number, mutation = false): GraphQLError {
  return new GraphQLError(
    (mutation ? 'The change was written, but its answer' : 'The response') +
      ` would hold more than ${maxFields} fields (GRAPHQL_MAX_RESPONSE_FIELDS); ask for less: ` +
      'fewer nested lists (dependsOn of dependsOn), a blueprintKey, or a smaller limit',
    { extensions: { code: 'RESPONSE_TOO_LARGE', ...(mutation ? { written: true } : {}) } },
  );
}

export interface BudgetedContext {
  responseBudget?: ResponseBudget;
}

/**
 * Charges every field that the selection would put into the answer for
 * `value`. A field whose value the object does not hold (one computed by a
 * resolver of its own, such as chains) counts once: such fields bound their
 * lists themselves (a limit the server enforces, and the cost rule).
 */
function* chargeAnswer(value: unknown, selectionSet: SelectionSetNode, info: GraphQLResolveInfo, budget: ResponseBudget): Generator<void> {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* chargeAnswer(item, selectionSet, info, budget);
    return;
  }
  yield;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      budget.charge(1);
      const below = (value as Record<string, unknown>)[selection.name.value];
      if (selection.selectionSet && below !== undefined) yield* chargeAnswer(below, selection.selectionSet, info, budget);
    } else {
      const set = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : info.fragments[selection.name.value]?.selectionSet;
      if (set) yield* chargeAnswer(value, set, info, budget);
    }
  }
}

/** The walk of a large answer paces itself like the arithmetic (common/pacer). */
async function charged(result: unknown, budget: ResponseBudget | undefined, info: GraphQLResolveInfo): Promise<unknown> {
  if (!budget) return result;
  budget.charge(1);
  for (const node of info.fieldNodes) if (node.selectionSet) await drain(chargeAnswer(result, node.selectionSet, info, budget));
  return result;
}

/** Wraps the resolvers of the root fields (in place) so that each charges its answer before it is built. */
export function chargeRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: BudgetedContext, info) => {
        const result = resolve(source, args, context, info);
        const budget = context?.responseBudget;
        return result instanceof Promise ? result.then((value) => charged(value, budget, info)) : charged(result, budget, info);
      };
    }
  }
  return schema;
}

/** A request that ran out of budget answers with that one error and no data: a part of the answer would mislead. */
export function responseBudgetPlugin(): ApolloServerPlugin<BudgetedContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response, operation }) {
          const budget = contextValue.responseBudget;
          if (!budget?.exceeded || response.body.kind !== 'single') return;
          const { message, extensions } = responseTooLarge(budget.maxFields, operation?.operation === 'mutation');
          response.body.singleResult = { errors: [{ message, extensions }] };
        },
      };
    },
  };
}
