/**
 * The nested read of a whole blueprint (stages, steps, actions with owners
 * and dependencies, pain points) as each server is asked for it, and one
 * canonical shape of its answer, so that a benchmark can check that every
 * server returned the same data before it compares their speed.
 *
 * Every document takes the blueprint's key as `$key`.
 */

/** Our API; the naive peer has the same schema for these fields. */
const OUR_NESTED_READ = /* GraphQL */ `
  query NestedRead($key: String!) {
    blueprint(key: $key) {
      key
      name
      stages {
        key
        name
        steps {
          key
          name
          actions {
            key
            name
            lane
            owners { key name }
            dependsOn { key }
          }
        }
      }
      painPoints {
        key
        title
        severity
        frequency
        category
        action { key }
        causes { key }
      }
    }
  }
`;

/**
 * The Neo4j GraphQL Library (v7): the blueprint by a filter on its key, lists
 * sorted by `position`, and the relationships ordered by a property of their
 * own (dependencies, causes) through their connection, sorted on the edge.
 */
const NEO4J_GRAPHQL_NESTED_READ = /* GraphQL */ `
  query NestedRead($key: String!) {
    blueprints(where: { key: { eq: $key } }) {
      key
      name
      stages(sort: [{ position: ASC }]) {
        key
        name
        steps(sort: [{ position: ASC }]) {
          key
          name
          actions(sort: [{ position: ASC }]) {
            key
            name
            lane
            owners { key name }
            dependsOnConnection(sort: [{ edge: { position: ASC } }]) { edges { node { key } } }
          }
        }
      }
      painPoints(sort: [{ position: ASC }]) {
        key
        title
        severity
        frequency
        category
        action { key }
        causesConnection(sort: [{ edge: { position: ASC } }]) { edges { node { key } } }
      }
    }
  }
`;

/** The servers, named as the benchmark names them (bench-servers.ts). */
export type NestedReadKind = 'blueprint-graph' | 'neo4j-graphql' | 'naive-resolvers';

export const NESTED_READ_KINDS: readonly NestedReadKind[] = ['blueprint-graph', 'neo4j-graphql', 'naive-resolvers'];

export const nestedReadDocuments: Record<NestedReadKind, string> = {
  'blueprint-graph': OUR_NESTED_READ,
  'neo4j-graphql': NEO4J_GRAPHQL_NESTED_READ,
  'naive-resolvers': OUR_NESTED_READ,
};

/** The body of the POST /graphql request that reads blueprint `key` from a server of that kind. */
export function nestedReadRequest(kind: NestedReadKind, key: string): { query: string; variables: { key: string } } {
  return { query: nestedReadDocuments[kind], variables: { key } };
}

export interface NestedReadDigest {
  key: string;
  name: string;
  stages: {
    key: string;
    name: string;
    steps: {
      key: string;
      name: string;
      actions: { key: string; name: string; lane: string; owners: { key: string; name: string }[]; dependsOn: string[] }[];
    }[];
  }[];
  painPoints: {
    key: string;
    title: string;
    severity: number;
    frequency: number;
    category: string;
    action: string | null;
    causes: string[];
  }[];
}

type Keyed = { key: string };
type Connection = { edges: { node: Keyed }[] };

interface OurAction extends Keyed {
  name: string;
  lane: string;
  owners: { key: string; name: string }[];
  dependsOn?: Keyed[];
  dependsOnConnection?: Connection;
}

interface OurPainPoint extends Keyed {
  title: string;
  severity: number;
  frequency: number;
  category: string;
  action: Keyed | null;
  causes?: Keyed[];
  causesConnection?: Connection;
}

interface OurBlueprint extends Keyed {
  name: string;
  stages: (Keyed & { name: string; steps: (Keyed & { name: string; actions: OurAction[] })[] })[];
  painPoints: OurPainPoint[];
}

/**
 * The answer of a server of that kind as one plain shape, in the order the
 * server gave (which must be the blueprint's order); null when the blueprint
 * does not exist. Takes the response body (`{ data, errors }`) or its `data`
 * alone. Throws on a GraphQL error, so that a failed request never passes for
 * an empty answer.
 */
export function nestedReadDigest(kind: NestedReadKind, responseBody: unknown): NestedReadDigest | null {
  const answer = responseBody as Record<string, unknown> | null;
  const isBody = !!answer && ('data' in answer || 'errors' in answer);
  const body = (isBody ? answer : { data: answer }) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${kind}: ${body.errors.map((error) => error.message).join('; ')}`);
  if (!body.data) throw new Error(`${kind}: the answer has no data`);
  const blueprint = (
    kind === 'neo4j-graphql' ? (body.data.blueprints as OurBlueprint[] | undefined)?.[0] ?? null : body.data.blueprint ?? null
  ) as OurBlueprint | null;
  if (!blueprint) return null;

  const keys = (list: Keyed[] | undefined, connection: Connection | undefined): string[] =>
    kind === 'neo4j-graphql' ? connection!.edges.map((edge) => edge.node.key) : list!.map((item) => item.key);
  return {
    key: blueprint.key,
    name: blueprint.name,
    stages: blueprint.stages.map((stage) => ({
      key: stage.key,
      name: stage.name,
      steps: stage.steps.map((step) => ({
        key: step.key,
        name: step.name,
        actions: step.actions.map((action) => ({
          key: action.key,
          name: action.name,
          lane: action.lane,
          owners: action.owners.map(({ key, name }) => ({ key, name })),
          dependsOn: keys(action.dependsOn, action.dependsOnConnection),
        })),
      })),
    })),
    painPoints: blueprint.painPoints.map((painPoint) => ({
      key: painPoint.key,
      title: painPoint.title,
      severity: painPoint.severity,
      frequency: painPoint.frequency,
      category: painPoint.category,
      action: painPoint.action?.key ?? null,
      causes: keys(painPoint.causes, painPoint.causesConnection),
    })),
  };
}
