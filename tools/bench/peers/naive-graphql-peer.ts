import {
  GraphQLEnumType,
  GraphQLFieldConfig,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { naiveQuery } from '../naive-cypher';
import { Neo4jExecutor, Row } from '../../../src/database/executor';
import { Lane, PainCategory } from '../../../src/blueprints/models/enums';
import { disableNagleOnClientSockets } from '../../../src/database/tcp-no-delay';
import { PeerOptions, PeerServer, serveGraphql } from './peer-http';

/**
 * The baseline of the nested read: a resolver per field, each running a
 * query of its own (tools/bench/cypher/naive-read-*.cypher) in a read transaction of its
 * own, for every parent object it is asked about, as a GraphQL server is
 * first written. Same type and field names as our schema.gql, for the fields
 * the nested read asks for.
 *
 * One nested read of a blueprint with S stages, T steps, A actions and P pain
 * points runs 3 + S + T + 2A + 2P queries (see naiveNestedReadQueries).
 */

export interface NaivePeerOptions extends PeerOptions {
  /** The database ends a transaction that runs longer (the app's NEO4J_QUERY_TIMEOUT_MS); default 30 s. */
  queryTimeoutMs?: number;
  /** Statements slower than this are logged (the app's SLOW_QUERY_MS); default 1 s. */
  slowQueryMs?: number;
}

/** The driver queries of one nested read (nested-read.ts) of a blueprint of that size. */
export function naiveNestedReadQueries(size: { stages: number; steps: number; actions: number; painPoints: number }): number {
  // blueprint, its stages, its pain points; the steps of each stage; the actions of each step;
  // the owners and the dependencies of each action; the action and the causes of each pain point.
  return 3 + size.stages + size.steps + 2 * size.actions + 2 * size.painPoints;
}

/** Every object carries its blueprint's key: stage, step, action and pain point keys are unique only within it. */
type Scoped = Row & { key: string; blueprintKey: string };

type Read = (queryName: string, parameters: Record<string, unknown>) => Promise<Row[]>;

function enumType(name: string, values: Record<string, string>): GraphQLEnumType {
  return new GraphQLEnumType({ name, values: Object.fromEntries(Object.values(values).map((value) => [value, { value }])) });
}

export function naiveSchema(read: Read): GraphQLSchema {
  const scoped = (blueprintKey: string) => (rows: Row[]) => rows.map((row) => ({ ...row, blueprintKey }) as Scoped);
  const string = { type: new GraphQLNonNull(GraphQLString) };
  const list = (type: GraphQLObjectType) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));
  /** A field resolved by one query per parent object. */
  const field = (
    type: GraphQLObjectType,
    queryName: string,
    parameters: (parent: Scoped) => Record<string, unknown>,
  ): GraphQLFieldConfig<Scoped, unknown> => ({
    type: list(type),
    resolve: (parent) => read(queryName, { blueprintKey: parent.blueprintKey, ...parameters(parent) }).then(scoped(parent.blueprintKey)),
  });

  const department = new GraphQLObjectType({ name: 'Department', fields: { key: string, name: string } });
  const action: GraphQLObjectType = new GraphQLObjectType<Scoped>({
    name: 'Action',
    fields: () => ({
      key: string,
      name: string,
      lane: { type: new GraphQLNonNull(enumType('Lane', Lane)) },
      owners: field(department, 'naive-read-action-owners', (a) => ({ actionKey: a.key })),
      dependsOn: field(action, 'naive-read-action-dependencies', (a) => ({ actionKey: a.key })),
    }),
  });
  const step = new GraphQLObjectType<Scoped>({
    name: 'Step',
    fields: { key: string, name: string, actions: field(action, 'naive-read-actions', (t) => ({ stepKey: t.key })) },
  });
  const stage = new GraphQLObjectType<Scoped>({
    name: 'Stage',
    fields: { key: string, name: string, steps: field(step, 'naive-read-steps', (s) => ({ stageKey: s.key })) },
  });
  const painPoint = new GraphQLObjectType<Scoped>({
    name: 'PainPoint',
    fields: {
      key: string,
      title: string,
      severity: { type: new GraphQLNonNull(GraphQLInt) },
      frequency: { type: new GraphQLNonNull(GraphQLFloat) },
      category: { type: new GraphQLNonNull(enumType('PainCategory', PainCategory)) },
      action: {
        type: new GraphQLNonNull(action),
        resolve: (p) =>
          read('naive-read-pain-point-action', { blueprintKey: p.blueprintKey, painPointKey: p.key })
            .then(scoped(p.blueprintKey))
            .then(([found]) => found ?? null),
      },
      causes: field(action, 'naive-read-pain-point-causes', (p) => ({ painPointKey: p.key })),
    },
  });
  const blueprint = new GraphQLObjectType<Scoped>({
    name: 'Blueprint',
    fields: {
      key: string,
      name: string,
      stages: field(stage, 'naive-read-stages', () => ({})),
      painPoints: field(painPoint, 'naive-read-pain-points', () => ({})),
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        blueprint: {
          type: blueprint,
          description: 'null if absent',
          args: { key: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: (_root, args: { key: string }) =>
            read('naive-read-blueprint', { key: args.key })
              .then((rows) => rows.map((row) => ({ ...row, blueprintKey: args.key })))
              .then(([found]) => found ?? null),
        },
      },
    }),
  });
}

/** The naive schema served like the other peers, every query through the app's executor (a read transaction each). */
export async function startNaiveGraphqlServer(options: NaivePeerOptions): Promise<PeerServer> {
  disableNagleOnClientSockets();
  // The executor reads only the database, the timeout and the slow-query threshold; the driver carries the connection settings.
  const executor = new Neo4jExecutor(options.driver, {
    uri: '',
    username: '',
    password: '',
    maxRetryTimeMs: 0,
    connectionTimeoutMs: 0,
    embedded: false,
    database: options.database,
    queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
    slowQueryMs: options.slowQueryMs ?? 1_000,
  });
  const read: Read = (queryName, parameters) => executor.read((runner) => runner.run(naiveQuery(queryName), parameters));
  return serveGraphql(naiveSchema(read), async () => ({}), options);
}
