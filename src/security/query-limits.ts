import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLField,
  GraphQLOutputType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { QueryLimits } from './query-limit-settings';

export interface OperationMeasures {
  depth: number;
  aliases: number;
  cost: number;
}

/** The arguments that bound the length of a list field, in the order they are looked for. */
const LIST_BOUND_ARGUMENTS = ['limit', 'first'];

/**
 * Depth, aliases and cost of one operation, fragments expanded where they are
 * spread. Each named fragment is measured once and its figures reused at every
 * spread, so the walk is linear in the document's size however often fragments
 * spread each other (a fragment spreading another twice, ten levels down, would
 * otherwise mean 2^10 walks). Pure, so the figures can be tested on their own.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  assumedListSize: number,
  variables: Readonly<Record<string, unknown>> = {},
): OperationMeasures {
  // A fragment under measurement is absent from `measured` but in `measuring`: a spread inside
  // itself is another rule's error, so it counts as nothing rather than looping.
  const measured = new Map<string, OperationMeasures>();
  const measuring = new Set<string>();

  const fragmentMeasures = (name: string): OperationMeasures => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(name)) return { depth: 0, aliases: 0, cost: 0 };
    measuring.add(name);
    const on = schema.getType(fragment.typeCondition.name.value) as GraphQLOutputType | undefined;
    const result = selectionSetMeasures(fragment.selectionSet, on);
    measuring.delete(name);
    measured.set(name, result);
    return result;
  };

  // Depth counts selection sets: a set is one level, and a field's own set one more.
  const selectionSetMeasures = (selectionSet: SelectionSetNode, type: GraphQLOutputType | null | undefined): OperationMeasures => {
    const total = { depth: 1, aliases: 0, cost: 0 };
    const add = (part: OperationMeasures, levelsBelow: number) => {
      total.depth = Math.max(total.depth, part.depth + levelsBelow);
      total.aliases += part.aliases;
      total.cost += part.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = fieldDefinition(type, selection);
        const below = selection.selectionSet
          ? selectionSetMeasures(selection.selectionSet, definition?.type)
          : { depth: 0, aliases: 0, cost: 0 };
        const multiplier = definition && isListType(getNullableType(definition.type)) ? listSize(selection, definition, assumedListSize, variables) : 1;
        add({ depth: below.depth, aliases: below.aliases + (selection.alias ? 1 : 0), cost: multiplier * (1 + below.cost) }, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLOutputType) : type;
        add(selectionSetMeasures(selection.selectionSet, on ?? type), 0);
      } else {
        add(fragmentMeasures(selection.name.value), 0);
      }
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return selectionSetMeasures(operation.selectionSet, root);
}

function fieldDefinition(parent: GraphQLOutputType | null | undefined, field: FieldNode): GraphQLField<unknown, unknown> | undefined {
  const named = parent ? getNamedType(parent) : undefined;
  return named && (isObjectType(named) || isInterfaceType(named)) ? named.getFields()[field.name.value] : undefined;
}

/**
 * How long a list can be: its bounding argument as given (a literal or a
 * variable's value), else that argument's default, else the assumed size.
 */
function listSize(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  assumed: number,
  variables: Readonly<Record<string, unknown>>,
): number {
  for (const name of LIST_BOUND_ARGUMENTS) {
    const declared = definition.args.find((argument) => argument.name === name);
    if (!declared) continue;
    const given = field.arguments?.find((argument) => argument.name.value === name);
    const value = given ? valueOf(given.value, variables) : declared.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
  }
  return assumed;
}

function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/**
 * What an operation exceeds, one sentence per limit saying by how much.
 * Checked once the operation and its variables are known, before any resolver
 * runs, so a refused operation never reaches the database.
 */
export function limitViolations(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  limits: QueryLimits,
  variables: Readonly<Record<string, unknown>> = {},
): string[] {
  const name = operation.name ? `operation "${operation.name.value}"` : 'the operation';
  const measured = measureOperation(schema, operation, fragments, limits.assumedListSize, variables);
  const violations: string[] = [];
  if (measured.depth > limits.maxDepth) violations.push(`${name} is nested ${measured.depth} levels deep; the limit is ${limits.maxDepth}`);
  if (measured.aliases > limits.maxAliases) violations.push(`${name} has ${measured.aliases} aliases; the limit is ${limits.maxAliases}`);
  if (measured.cost > limits.maxCost) {
    violations.push(
      `${name} would cost about ${measured.cost} fields (lists counted as their limit argument, its default, or ${limits.assumedListSize} items); ` +
        `the limit is ${limits.maxCost}`,
    );
  }
  return violations;
}

/** An operation beyond the limits, refused as a document error (HTTP 400) before any resolver runs. */
export function limitsError(violations: string[], operation: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(violations.join('; '), {
    nodes: [operation],
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
