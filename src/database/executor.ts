import { Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import neo4j, { Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';
import { answerBookmarks, requestBookmarks } from './causal-consistency';
import { cypher } from './cypher-files';
import { toPlain } from './driver-values';
import { mapNeo4jError } from './neo4j-errors';
import { NEO4J_DRIVER, NEO4J_OPTIONS, Neo4jOptions } from './database.tokens';

export type Row = Record<string, unknown>;

/** How often one statement alone is tried when the database answers with a transient error. */
const STATEMENT_ATTEMPTS = 3;

/**
 * What a unit of work sees: named queries from cypher/, values as parameters.
 * A list of names runs their texts joined, in order, as one statement.
 */
export interface QueryRunner {
  run(queryName: string | string[], parameters?: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs `callback` once the transaction has committed (a read: once it has
   * ended), never for an attempt that the driver retried or that failed: for
   * what this process keeps beside the database, which must not run ahead of it.
   */
  afterCommit(callback: () => void): void;
}

/**
 * The single gateway to Neo4j: every read and write is a managed transaction
 * (retried by the driver on transient errors), on the configured database,
 * in a session closed in `finally`, with errors mapped in one place.
 */
@Injectable()
export class Neo4jExecutor {
  /** Driver queries issued since start; read by tests and benchmarks. */
  queryCount = 0;
  private readonly logger = new Logger('Neo4j');
  /** Shared by every session of this instance: a read here sees every write committed here. */
  private readonly bookmarkManager = neo4j.bookmarkManager();

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_OPTIONS) private readonly options: Neo4jOptions,
  ) {}

  read<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    return this.inSession('READ', async (session) => {
      let committed: (() => void)[] = [];
      const result = await session.executeRead((tx) => work(this.runner(tx, (committed = []))), this.transactionConfig);
      for (const callback of committed) callback();
      return result;
    });
  }

  /** One write transaction: everything `work` runs commits together or not at all. */
  write<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    return this.inSession('WRITE', async (session) => {
      // Each attempt of a retried transaction starts a list of its own: only the one that committed runs its.
      let committed: (() => void)[] = [];
      const result = await session.executeWrite((tx) => work(this.runner(tx, (committed = []))), this.transactionConfig);
      answerBookmarks(session.lastBookmarks());
      for (const callback of committed) callback();
      return result;
    });
  }

  /**
   * One read statement in a transaction of its own (auto-commit): one round
   * trip instead of a transaction's begin, run and commit, for reads that need
   * no more than one statement. Retried on transient errors, as a managed
   * transaction is; bookmarks hold as for every read.
   */
  async readStatement(queryName: string | string[], parameters: Record<string, unknown> = {}): Promise<Row[]> {
    return this.inSession('READ', async (session) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.logged(queryName, (text) => session.run(text, parameters, this.transactionConfig));
        } catch (error) {
          if (attempt >= STATEMENT_ATTEMPTS || !neo4j.isRetriableError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
    });
  }

  /** The database ends a transaction that runs too long, so one request cannot hold it indefinitely. */
  private get transactionConfig() {
    return { timeout: this.options.queryTimeoutMs };
  }

  /** Statements that cannot run in a managed transaction (schema changes). */
  async runAutoCommit(statement: string): Promise<void> {
    await this.inSession('WRITE', async (session) => {
      this.queryCount++;
      await session.run(statement);
    });
  }

  async ping(): Promise<void> {
    await this.inSession('READ', async (session) => {
      await session.executeRead((tx) => tx.run('RETURN 1'));
    });
  }

  private runner(tx: ManagedTransaction, committed: (() => void)[]): QueryRunner {
    return {
      afterCommit: (callback) => committed.push(callback),
      run: (queryName, parameters = {}) => this.logged(queryName, (text) => tx.run(text, parameters)),
    };
  }

  /** Runs the named queries' joined text as one statement, counted, and logged when slow. */
  private async logged(queryName: string | string[], run: (text: string) => Promise<QueryResult>): Promise<Row[]> {
    this.queryCount++;
    const names = Array.isArray(queryName) ? queryName : [queryName];
    const started = performance.now();
    const result = await run(names.map(cypher).join('\n'));
    const ms = Math.round(performance.now() - started);
    if (ms >= this.options.slowQueryMs) {
      this.logger.warn({ message: 'slow statement', query: names.join('+'), durationMs: ms, rows: result.records.length });
    }
    return result.records.map((record) => toPlain(record.toObject()) as Row);
  }

  private async inSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    let session: Session | undefined;
    try {
      session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE',
        bookmarkManager: this.bookmarkManager,
        bookmarks: requestBookmarks(),
      });
      return await work(session);
    } catch (error) {
      throw mapNeo4jError(error, mode);
    } finally {
      await session?.close();
    }
  }
}
