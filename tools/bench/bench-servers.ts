import { AppProcess, startApp, startServer } from '../ops/stack';

/**
 * The GraphQL servers the benchmark compares, each as a child process set up
 * the same way (built code, NODE_ENV=production, loopback, the same Neo4j),
 * each with the driver-query counter preloaded so round trips are counted in
 * the server, not guessed.
 */

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface GraphQLServer {
  name: string;
  url: string;
  process: AppProcess;
  /** The data of one operation; GraphQL errors throw. */
  post<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Driver queries the server has sent since it started. */
  queryCount(): Promise<number>;
  stop(): Promise<void>;
}

const QUERY_COUNTER = '.build/tools/bench/query-count-preload.js';

export type ServerKind = 'blueprint-graph' | 'neo4j-graphql' | 'naive-resolvers';

const ENTRY: Record<ServerKind, string> = {
  'blueprint-graph': 'dist/main.js',
  'neo4j-graphql': '.build/tools/bench/peers/neo4j-graphql-server.js',
  'naive-resolvers': '.build/tools/bench/peers/naive-graphql-server.js',
};

export async function startGraphQLServer(kind: ServerKind, neo4j: Neo4jConnection): Promise<GraphQLServer> {
  const env = {
    NODE_ENV: 'production',
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
  };
  const options = { script: ENTRY[kind], preload: [QUERY_COUNTER], env };
  const child = kind === 'blueprint-graph' ? await startApp(neo4j.uri, options) : await startServer({ ...options, env: { ...env, NEO4J_URI: neo4j.uri } });
  return {
    name: kind,
    url: child.url,
    process: child,
    post: (query, variables) => postGraphQL(child.url, query, variables),
    queryCount: async () => Number((await child.ask({ type: 'query-count' })).count),
    stop: () => child.stop(),
  };
}

export async function postGraphQL<T = any>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(`${url}/graphql answered ${response.status}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no data'}`);
  }
  return body.data as T;
}
