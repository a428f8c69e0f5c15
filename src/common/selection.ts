import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects any of `names` directly below it
 * (through fragments too), so a root resolver can read the whole tree in one
 * query when it is asked for, and only the header when not.
 */
export function selectsAnyOf(info: GraphQLResolveInfo, names: readonly string[], below: string[] = []): boolean {
  let sets: SelectionSetNode[] = info.fieldNodes.map((node) => node.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const step of below) {
    sets = sets.flatMap((set) => fieldsOf(set, info).filter((f) => f.name.value === step && f.selectionSet).map((f) => f.selectionSet!));
  }
  return sets.some((set) => fieldsOf(set, info).some((field) => names.includes(field.name.value)));
}

function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === 'Field') fields.push(selection);
    else if (selection.kind === 'InlineFragment') fields.push(...fieldsOf(selection.selectionSet, info));
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) fields.push(...fieldsOf(fragment.selectionSet, info));
    }
  }
  return fields;
}
