import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import neo4j, { Driver } from 'neo4j-driver';
import { cypherStatements } from './cypher-files';
import { EmbeddedNeo4j } from './embedded-neo4j';
import { EMBEDDED_NEO4J, NEO4J_DRIVER, NEO4J_OPTIONS, Neo4jOptions } from './database.tokens';
import { Neo4jExecutor } from './executor';
import { disableNagleOnClientSockets } from './tcp-no-delay';

const SCHEMA_RETRY_MS = 5_000;

/** Applies the constraints at start (retrying while the database is down) and closes everything at shutdown. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Neo4j');
  private retryTimer?: NodeJS.Timeout;
  private schemaApplied?: Promise<void>;
  private closing = false;

  constructor(
    private readonly executor: Neo4jExecutor,
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_OPTIONS) private readonly options: Neo4jOptions,
    @Optional() @Inject(EMBEDDED_NEO4J) private readonly embedded?: EmbeddedNeo4j,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.schemaApplied = new Promise((resolve) => this.applySchemaUntilDone(resolve));
    // Boot waits for the schema only while the database answers; otherwise it serves 503s and keeps trying.
    await Promise.race([this.schemaApplied, delay(this.options.connectionTimeoutMs * 2)]);
  }

  /** Resolves once the constraints are in place. */
  whenSchemaReady(): Promise<void> {
    return this.schemaApplied ?? Promise.resolve();
  }

  private applySchemaUntilDone(done: () => void): void {
    this.applySchema().then(done, (error: Error) => {
      if (this.closing) return;
      this.logger.warn(`Cannot apply the schema yet (${error.message}); retrying in ${SCHEMA_RETRY_MS / 1000} s`);
      this.retryTimer = setTimeout(() => this.applySchemaUntilDone(done), SCHEMA_RETRY_MS);
    });
  }

  private async applySchema(): Promise<void> {
    for (const statement of cypherStatements('schema')) {
      await this.executor.runAutoCommit(statement);
    }
    this.logger.log(`Connected to ${this.options.uri} (database "${this.options.database}"); schema in place`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retryTimer);
    await this.driver.close();
    if (this.embedded) {
      this.logger.log('Stopping the embedded Neo4j');
      await this.embedded.stop();
    }
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: Neo4jOptions, embedded?: EmbeddedNeo4j): DynamicModule {
    disableNagleOnClientSockets();
    const driver = neo4j.driver(
      options.uri,
      options.password ? neo4j.auth.basic(options.username, options.password) : undefined,
      {
        maxTransactionRetryTime: options.maxRetryTimeMs,
        connectionTimeout: options.connectionTimeoutMs,
        connectionAcquisitionTimeout: options.connectionTimeoutMs * 2,
        disableLosslessIntegers: false,
        userAgent: 'blueprint-graph',
      },
    );
    return {
      module: DatabaseModule,
      providers: [
        { provide: NEO4J_OPTIONS, useValue: options },
        { provide: NEO4J_DRIVER, useValue: driver },
        ...(embedded ? [{ provide: EMBEDDED_NEO4J, useValue: embedded }] : []),
        Neo4jExecutor,
        DatabaseLifecycle,
      ],
      exports: [Neo4jExecutor, DatabaseLifecycle, NEO4J_OPTIONS],
    };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
