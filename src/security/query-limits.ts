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
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
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
        const list = definition && isListType(getNullableType(definition.type));
        const multiplier = !list ? 1 : isIntrospection(type) ? introspectionListSize(schema, type, selection) : listSize(selection, definition, assumedListSize, variables);
        // Introspection is answered from the schema, and its lists are as long as the schema makes them (counted
        // in its cost); its depth is the chain of ofType a client's introspection query asks for, which is not
        // the nesting this limit is about, so `__schema` and `__type` count as one level.
        const depth = isIntrospectionRoot(selection) ? 0 : below.depth;
        add({ depth, aliases: below.aliases + (selection.alias ? 1 : 0), cost: multiplier * (1 + below.cost) }, 1);
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
  if (!named || !(isObjectType(named) || isInterfaceType(named))) return undefined;
  // The meta fields are on every root (and __typename on every type) without being among its fields.
  const meta = { __schema: SchemaMetaFieldDef, __type: TypeMetaFieldDef, __typename: TypeNameMetaFieldDef }[field.name.value];
  return (meta as GraphQLField<unknown, unknown> | undefined) ?? named.getFields()[field.name.value];
}

function isIntrospectionRoot(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type';
}

function isIntrospection(type: GraphQLOutputType | null | undefined): boolean {
  return !!type && getNamedType(type).name.startsWith('__');
}

/** The longest each introspection list can be in this schema (the number of types, the most fields of a type, ...). */
const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();

function introspectionListSize(schema: GraphQLSchema, parent: GraphQLOutputType | null | undefined, field: FieldNode): number {
  let sizes = introspectionSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    const most = (counts: number[]) => Math.max(1, ...counts);
    const fieldsOf = types.flatMap((t) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []));
    sizes = {
      '__Schema.types': types.length,
      '__Schema.directives': schema.getDirectives().length,
      '__Type.fields': most(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0))),
      '__Type.inputFields': most(types.map((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0))),
      '__Type.enumValues': most(types.map((t) => (isEnumType(t) ? t.getValues().length : 0))),
      '__Type.interfaces': most(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0))),
      '__Type.possibleTypes': most(types.map((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0))),
      '__Field.args': most(fieldsOf.map((f) => f.args.length)),
      '__Directive.args': most(schema.getDirectives().map((d) => d.args.length)),
    };
    introspectionSizes.set(schema, sizes);
  }
  // A list not sized above (a directive's locations) is short by its nature.
  return sizes[`${getNamedType(parent!).name}.${field.name.value}`] ?? SHORT_INTROSPECTION_LIST;
}

const SHORT_INTROSPECTION_LIST = 20;

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
