import { DocumentNode, FragmentDefinitionNode, Kind } from 'graphql';

/** The named fragments of a GraphQL document, for walks that expand fragment spreads. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}
