import { startNeo4jGraphqlServer } from './neo4j-graphql-peer';
import { runPeerProcess } from './peer-process';

/** The Neo4j GraphQL Library peer as a process: `node .build/tools/bench/peers/neo4j-graphql-server.js`, configured like the app. */
runPeerProcess('neo4j-graphql peer', (config, driver) =>
  startNeo4jGraphqlServer({
    driver,
    database: config.neo4j.database,
    port: config.port,
    host: config.host,
    maxBodyBytes: config.security.maxBodyBytes,
  }),
);
