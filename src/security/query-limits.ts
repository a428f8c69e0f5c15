import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLOutputType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import { fragmentsOf } from './fragments';
import { QueryLimits } from './query-limit-settings';

export interface OperationMeasures {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Depth, aliases and cost of one operation, walking fragments where they are
 * spread. Pure, so the figures can be tested on their own.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  assumedListSize: number,
): OperationMeasures {
  let aliases = 0;
  let depth = 0;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();

  // Returns the cost of a selection set on `type`; depth and aliases are counted on the way.
  const walk = (selectionSet: SelectionSetNode, type: GraphQLOutputType | null | undefined, level: number, spread: Set<string>): number => {
    depth = Math.max(depth, level);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        cost += fieldCost(selection, type, level, spread);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += walk(selection.selectionSet, (on as GraphQLOutputType) ?? type, level, spread);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment inside itself is another rule's error; stop rather than loop.
        if (!fragment || spread.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) as GraphQLOutputType | undefined;
        cost += walk(fragment.selectionSet, on ?? type, level, new Set([...spread, fragment.name.value]));
      }
    }
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLOutputType | null | undefined, level: number, spread: Set<string>): number => {
    const named = parent ? getNamedType(parent) : undefined;
    const definition = named && (isObjectType(named) || isInterfaceType(named)) ? named.getFields()[field.name.value] : undefined;
    const type = definition?.type;
    const multiplier = type && isListType(getNullableType(type)) ? listSize(field, assumedListSize) : 1;
    const below = field.selectionSet ? walk(field.selectionSet, type, level + 1, spread) : 0;
    return multiplier * (1 + below);
  };

  const cost = walk(operation.selectionSet, root, 1, new Set());
  return { depth, aliases, cost };
}

/** A literal `limit` argument bounds a list; otherwise the assumed size stands for it. */
function listSize(field: FieldNode, assumed: number): number {
  const limit = field.arguments?.find((argument) => argument.name.value === 'limit');
  if (limit?.value.kind === Kind.INT) return Math.max(1, Number(limit.value.value));
  return assumed;
}

/**
 * The limits as one validation rule: it runs before any resolver, so a
 * refused operation never reaches the database.
 */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const fragments = fragmentsOf(document);
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = operation.name ? `operation "${operation.name.value}"` : 'the operation';
        const measured = measureOperation(context.getSchema(), operation, fragments, limits.assumedListSize);
        const report = (message: string) => context.reportError(new GraphQLError(message, { nodes: [operation] }));
        if (measured.depth > limits.maxDepth) {
          report(`${name} is nested ${measured.depth} levels deep; the limit is ${limits.maxDepth}`);
        }
        if (measured.aliases > limits.maxAliases) {
          report(`${name} has ${measured.aliases} aliases; the limit is ${limits.maxAliases}`);
        }
        if (measured.cost > limits.maxCost) {
          report(
            `${name} would cost about ${measured.cost} fields (lists counted as ${limits.assumedListSize} items unless a limit is given); ` +
              `the limit is ${limits.maxCost}`,
          );
        }
      }
      return false;
    },
  });
}
