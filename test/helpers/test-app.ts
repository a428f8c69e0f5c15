import { INestApplication, LoggerService } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../src/app.factory';
import { ServingConfig } from '../../src/app.module';
import { Neo4jExecutor } from '../../src/database/executor';
import { DatabaseLifecycle } from '../../src/database/database.module';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; problems?: { path: string; message: string }[] } & Record<string, unknown> }[];
}

export interface TestApp {
  app: INestApplication;
  url: string;
  /** Driver queries issued so far, counted by the executor. */
  queryCount(): number;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The app over HTTP on a free port, against the test run's own Neo4j. */
export async function startTestApp(
  overrides: { uri?: string; maxRetryTimeMs?: number; waitForSchema?: boolean; serving?: ServingConfig; logger?: LoggerService } = {},
): Promise<TestApp> {
  const uri = overrides.uri ?? process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: run the tests through jest (its global setup starts Neo4j)');
  const app = await createApp(
    {
      options: {
        uri,
        username: process.env.TEST_NEO4J_USERNAME ?? 'neo4j',
        password: process.env.TEST_NEO4J_PASSWORD ?? '',
        database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j',
        maxRetryTimeMs: overrides.maxRetryTimeMs ?? 10_000,
        connectionTimeoutMs: 2_000,
        queryTimeoutMs: 60_000,
        slowQueryMs: overrides.serving?.logging.slowQueryMs ?? 60_000,
        embedded: false,
      },
    },
    { serving: overrides.serving, logger: overrides.logger ?? false },
  );
  await app.listen(0, '127.0.0.1');
  if (overrides.waitForSchema !== false) await app.get(DatabaseLifecycle).whenSchemaReady();
  const url = await app.getUrl();
  const executor = app.get(Neo4jExecutor);
  return {
    app,
    url: url.replace('[::1]', '127.0.0.1'),
    queryCount: () => executor.queryCount,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    close: () => app.close(),
  };
}

/** A key no other test uses, so tests share one database without seeing each other's data. */
export function uniqueKey(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The data of a request that must succeed: its errors, if any, fail the test. */
export async function dataOf<T = any>(api: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await api.graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** The contract's error code of a response (`extensions.code` of its first error). */
export function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
