export const NEO4J_DRIVER = Symbol('NEO4J_DRIVER');
export const NEO4J_OPTIONS = Symbol('NEO4J_OPTIONS');
export const EMBEDDED_NEO4J = Symbol('EMBEDDED_NEO4J');

export interface Neo4jOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  maxRetryTimeMs: number;
  connectionTimeoutMs: number;
  /** The database ends a transaction that runs longer. */
  queryTimeoutMs: number;
  /** Statements slower than this are logged as warnings. */
  slowQueryMs: number;
  /** True when the database is the embedded default started by this process. */
  embedded: boolean;
}
