import { isDeepStrictEqual } from 'node:util';
import { BenchContext, MeasurementResult, bar, summaryCells, times } from '../bench-context';
import { GraphQLServer, ServerKind, startGraphQLServer } from '../bench-servers';
import { NESTED_READ_KINDS, nestedReadDigest, nestedReadDocuments } from '../peers/nested-read';
import { sampleAlternately, summarise } from '../statistics';

const LABEL: Record<ServerKind, string> = {
  'blueprint-graph': 'Blueprint Graph',
  'neo4j-graphql': '@neo4j/graphql 7 (the Neo4j GraphQL Library)',
  'naive-resolvers': 'naive resolver per field',
};

/**
 * The nested read of the target blueprint (stages, steps, actions with owners
 * and dependencies, pain points) through our API, through @neo4j/graphql with
 * type definitions for our graph, and through a naive resolver-per-field
 * server; each a child process on the same database. Every answer is checked
 * to be the same data first. Round trips are counted by the driver-query
 * counter preloaded into each server.
 */
export async function measurePeers(context: BenchContext): Promise<MeasurementResult[]> {
  const key = context.dataset.target.key;
  const servers = new Map<ServerKind, GraphQLServer>([['blueprint-graph', await context.app()]]);
  try {
    for (const kind of NESTED_READ_KINDS) if (!servers.has(kind)) servers.set(kind, await startGraphQLServer(kind, context.neo4j));
    const read = (kind: ServerKind) => servers.get(kind)!.post(nestedReadDocuments[kind], { key });

    const ours = nestedReadDigest('blueprint-graph', await read('blueprint-graph'));
    if (!ours || ours.stages.length === 0) throw new Error(`the nested read of ${key} came back empty`);
    const queries = new Map<ServerKind, number>();
    for (const kind of NESTED_READ_KINDS) {
      await read(kind); // the first request may do more (the library checks the server version once)
      const before = await servers.get(kind)!.queryCount();
      const digest = nestedReadDigest(kind, await read(kind));
      queries.set(kind, (await servers.get(kind)!.queryCount()) - before);
      if (!isDeepStrictEqual(digest, ours)) throw new Error(`${LABEL[kind]} answered the nested read with other data than Blueprint Graph`);
    }

    context.progress('peers: nested read of the target blueprint on all three servers');
    const samples = await sampleAlternately(
      Object.fromEntries(NESTED_READ_KINDS.map((kind) => [kind, () => read(kind)])),
      context.sampling,
    );
    const summaries = Object.fromEntries(NESTED_READ_KINDS.map((kind) => [kind, summarise(samples[kind])]));
    const ourP50 = summaries['blueprint-graph'].median;
    const peerRatio = summaries['neo4j-graphql'].median / ourP50;

    const peerTable = ['| server | p50 (ms) | p95 (ms) | runs | p50 / ours |', '|---|---:|---:|---:|---:|'];
    for (const kind of NESTED_READ_KINDS) peerTable.push(`| ${LABEL[kind]} | ${summaryCells(summaries[kind])} | ${times(summaries[kind].median / ourP50)} |`);
    const actions = ours.stages.flatMap((stage) => stage.steps).flatMap((step) => step.actions).length;
    const tripsTable = ['| server | driver queries per nested read |', '|---|---:|', ...NESTED_READ_KINDS.map((kind) => `| ${LABEL[kind]} | ${queries.get(kind)} |`)];
    const ourQueries = queries.get('blueprint-graph')!;
    return [
      {
        name: 'peer',
        title: 'The nested read of a blueprint, against @neo4j/graphql',
        about:
          `One blueprint (${ours.stages.length} stages, ${actions} actions, ${ours.painPoints.length} pain points) read whole over HTTP from each server, ` +
          'each a child process with NODE_ENV=production on the same Neo4j, all three answers checked equal first. ' +
          'A p50 ratio above 1 means the server is slower than ours.',
        table: peerTable,
        bars: [bar('Peer: @neo4j/graphql p50 / our p50 (nested read)', peerRatio, 1, false)],
        data: { key, summaries, peerRatio },
      },
      {
        name: 'round-trips',
        title: 'Round trips of the nested read',
        about:
          'Statements each server sent to Neo4j for one nested read (one root field), counted in the server by a preloaded wrapper of the driver. ' +
          'Ours are the contents and then a check of their revisions, so that no answer mixes two committed versions.',
        table: tripsTable,
        bars: [bar('Round trips: our driver queries per root field (nested read)', ourQueries, 2, true, 'count')],
        data: Object.fromEntries(queries),
      },
    ];
  } finally {
    for (const [kind, server] of servers) if (kind !== 'blueprint-graph') await server.stop();
  }
}
