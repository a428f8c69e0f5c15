import 'reflect-metadata';
import { startNaiveGraphqlServer } from './naive-graphql-peer';
import { runPeerProcess } from './peer-process';

/** The resolver-per-field peer as a process: `node .build/tools/bench/peers/naive-graphql-server.js`, configured like the app. */
runPeerProcess('naive peer', (config, driver) =>
  startNaiveGraphqlServer({
    driver,
    database: config.neo4j.database,
    port: config.port,
    host: config.host,
    maxBodyBytes: config.security.maxBodyBytes,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    slowQueryMs: config.logging.slowQueryMs,
  }),
);
