import neo4j, { Driver } from 'neo4j-driver';
import { AppConfig, ConfigError, loadConfig } from '../../../src/config/app-config';
import { disableNagleOnClientSockets } from '../../../src/database/tcp-no-delay';
import { PeerServer } from './peer-http';

/**
 * Runs a peer server as a process of its own, configured like the app from
 * the environment (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE,
 * PORT, HOST and the app's other variables, checked the same way), with a
 * driver set up as the app's. Logs one line to stderr when it serves, and
 * closes the server and the driver on SIGTERM or SIGINT.
 */
export function runPeerProcess(name: string, start: (config: AppConfig, driver: Driver) => Promise<PeerServer>): void {
  let config: AppConfig;
  try {
    config = loadConfig();
    if (!config.neo4j.uri) throw new ConfigError([`NEO4J_URI is not set: the ${name} peer needs a running Neo4j`]);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  // Before the driver opens its first socket.
  disableNagleOnClientSockets();
  const driver = createDriver(config);
  let server: PeerServer | undefined;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[${name}] ${signal}: closing\n`);
    await server?.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  start(config, driver).then(
    (started) => {
      server = started;
      if (stopping) void started.close();
      process.stderr.write(`[${name}] GraphQL at ${started.url}/graphql on ${config.neo4j.uri} (database "${config.neo4j.database}")\n`);
    },
    async (error: Error) => {
      process.stderr.write(`[${name}] cannot start: ${error.stack ?? error.message}\n`);
      await driver.close().catch(() => undefined);
      process.exit(1);
    },
  );
}

/** The same driver settings as DatabaseModule.forRoot gives the app. */
function createDriver(config: AppConfig): Driver {
  const { uri, username, password, maxRetryTimeMs, connectionTimeoutMs } = config.neo4j;
  return neo4j.driver(uri!, password ? neo4j.auth.basic(username, password) : undefined, {
    maxTransactionRetryTime: maxRetryTimeMs,
    connectionTimeout: connectionTimeoutMs,
    connectionAcquisitionTimeout: connectionTimeoutMs * 2,
    disableLosslessIntegers: false,
    userAgent: 'blueprint-graph',
  });
}
