/** GraphQL documents shared by the integration tests. */

export const ACTION_FIELDS = `
  key lane name description channel touchpoint emotion
  role { key name department { key name } }
  department { key name }
  process { key name department { key } }
  systems { key name department { key } }
  dependsOn { key }
  owners { key name }
`;

export const BLUEPRINT_TREE = `
  key name description state persona { name description }
  stages { key name steps { key name evidence actions { ${ACTION_FIELDS} } } }
  painPoints { key title description severity frequency impact category action { key } causes { key } blueprintKey }
`;

export const IMPORT = `
  mutation Import($document: BlueprintDocumentInput!, $mode: ImportMode) {
    importBlueprint(document: $document, mode: $mode) { created blueprint { ${BLUEPRINT_TREE} } }
  }
`;

/** An import that reads back only what the importer needs to know: cheap enough for many at once. */
export const IMPORT_KEY = `
  mutation ImportKey($document: BlueprintDocumentInput!, $mode: ImportMode) {
    importBlueprint(document: $document, mode: $mode) { created blueprint { key } }
  }
`;

/** Every field of a blueprint document, as exportBlueprint gives it. */
export const DOCUMENT_FIELDS = `
  key name description state persona { name description }
  departments { key name } roles { key name department } systems { key name department } processes { key name department }
  stages { key name steps { key name evidence actions {
    key lane name description channel touchpoint emotion role department process systems dependsOn
  } } }
  painPoints { key title description action causes severity frequency category }
`;

export const EXPORT = `
  query Export($key: String!) {
    exportBlueprint(key: $key) { ${DOCUMENT_FIELDS} }
  }
`;

export const ROOT_CAUSES = `
  query RootCauses($blueprintKey: String, $painPointKeys: [String!], $minSeverity: Int, $retention: Float, $maxDepth: Int, $states: [BlueprintState!]) {
    rootCauses(blueprintKey: $blueprintKey, painPointKeys: $painPointKeys, minSeverity: $minSeverity, retention: $retention, maxDepth: $maxDepth, states: $states) {
      totalImpact unattributedImpact painPointCount
      departments { rank department { key name } score share
        contributions { painPoint { key blueprintKey } score chains { actions { key } mass } } }
    }
  }
`;

export const DEPENDENCIES = `
  query Dependencies($blueprintKey: String) {
    departmentDependencies(blueprintKey: $blueprintKey) { from { key } to { key } handoffs impact blueprints }
  }
`;

export const TRACE = `
  query Trace($blueprintKey: String!, $painPointKey: String!, $retention: Float, $maxDepth: Int) {
    painPointTrace(blueprintKey: $blueprintKey, painPointKey: $painPointKey, retention: $retention, maxDepth: $maxDepth) {
      painPoint { key } impact unattributed
      nodes { action { key } depth received kept departments { key } }
      edges { from { key } to { key } mass }
    }
  }
`;

/** `mutation Edit($a: A, $b: B) { name(a: $a, b: $b) { <selection> } }`: each argument named as its variable. */
export function mutationOf(name: string, signature: string, selection: string): string {
  const args = signature
    .split(',')
    .map((parameter) => parameter.split(':')[0].trim().slice(1))
    .map((argument) => `${argument}: $${argument}`)
    .join(', ');
  return `mutation Edit(${signature}) { ${name}(${args}) { ${selection} } }`;
}
