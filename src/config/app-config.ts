import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiKey, parseKeysFile, parseKeysVariable } from '../security/api-keys';
import { DEFAULT_QUERY_LIMITS, QueryLimits } from '../security/query-limit-settings';

/** Everything the app reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  embedded: EmbeddedNeo4jConfig;
  /** Load the demo blueprints into an empty database at start; unset: only into the embedded one. */
  loadDemoData?: boolean;
  security: SecurityConfig;
  logging: LoggingConfig;
  analysis: AnalysisConfig;
  /**
   * How far the JavaScript heap may grow over what it held after a full collection before the next
   * one, in percent (HEAP_GROWTH_PERCENT); 0 leaves it to V8, which on a large machine lets it grow to
   * about four times. The first organisation-wide answers over thousands of blueprints read far more
   * than they keep (docs/benchmarks.md, the large size).
   */
  heapGrowthPercent: number;
}

/** What the analysis keeps in memory between requests (src/analysis/kept-results.ts); 0 keeps nothing. */
export interface AnalysisConfig {
  /** Answers kept, each for one question with its arguments (ANALYSIS_KEPT_RESULTS). */
  keptResults: number;
  /**
   * Bytes, as estimated, that blueprint traces (per shape of question) and blueprints' edges may take
   * (ANALYSIS_KEPT_MEMORY): enough by default for an organisation of thousands of blueprints.
   */
  keptBytes: number;
  /** Blueprints one statement traces at most, so that each stays well within the query timeout (ANALYSIS_TRACED_PER_STATEMENT). */
  tracedPerStatement: number;
}

export const DEFAULT_ANALYSIS_CONFIG: AnalysisConfig = { keptResults: 256, keptBytes: 512 * 1024 ** 2, tracedPerStatement: 250 };

export interface SecurityConfig {
  /** None: the API is open, and then only served on loopback unless `allowOpenApi`. */
  apiKeys: ApiKey[];
  allowOpenApi: boolean;
  /** NODE_ENV=development: stack traces and unexpected errors' own messages in responses; never otherwise. */
  development: boolean;
  /** "Did you mean ...?" for a mistyped field or argument; off by default only in production. */
  fieldSuggestions: boolean;
  introspection: boolean;
  limits: QueryLimits;
  /** The largest request body; documents for import travel in it. */
  maxBodyBytes: number;
}

export interface LoggingConfig {
  format: 'json' | 'pretty';
  /** Statements and operations slower than this are logged as warnings. */
  slowQueryMs: number;
}

export interface Neo4jConfig {
  /** Unset: the embedded default database is started and used. */
  uri?: string;
  username: string;
  password: string;
  database: string;
  /** How long a transaction may be retried on transient errors before failing. */
  maxRetryTimeMs: number;
  connectionTimeoutMs: number;
  /** The database ends a transaction that runs longer (one request's work). */
  queryTimeoutMs: number;
}

export interface EmbeddedNeo4jConfig {
  dataDir: string;
  boltPort: number;
  pageCache: string;
  heap: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];
/** The folder of package.json: the product's files (cypher/, demo/, dist/) are found from it, whichever build runs this. */
export const PROJECT_ROOT = projectRoot(__dirname);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

type Env = Record<string, string | undefined>;

function hasHost(uri: string): boolean {
  try {
    return new URL(uri).hostname.length > 0;
  } catch {
    return false;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? fallback : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!/^\s*-?\d+\s*$/.test(raw) || value < min || value > max || Object.is(value, -0)) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const flag = <T extends boolean | undefined>(name: string, fallback: T): boolean | T => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}=${JSON.stringify(env[name])}: expected true or false`);
    return fallback;
  };
  const size = (name: string, fallback: string): string => {
    const value = text(name, fallback);
    if (!/^\d+[kmg]?$/i.test(value)) problems.push(`${name}=${JSON.stringify(value)}: expected a size such as 512m or 2g`);
    return value;
  };
  const bytes = (name: string, fallback: string): number => {
    const value = size(name, fallback);
    const match = /^(\d+)([kmg]?)$/i.exec(value);
    return match ? Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] || ' ').toLowerCase()) : 0;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name, fallback).toLowerCase();
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}=${JSON.stringify(env[name])}: expected one of ${allowed.join(', ')}`);
    return fallback;
  };

  const uri = env.NEO4J_URI?.trim() || undefined;
  if (uri) {
    const scheme = uri.split('://')[0];
    if (!uri.includes('://') || !NEO4J_SCHEMES.includes(scheme) || !hasHost(uri)) {
      problems.push(`NEO4J_URI=${JSON.stringify(uri)}: expected a URI with a host and one of the schemes ${NEO4J_SCHEMES.join(', ')}`);
    }
  }

  const production = env.NODE_ENV?.trim() === 'production';
  const development = env.NODE_ENV?.trim() === 'development';
  const config: AppConfig = {
    port: integer('PORT', 3000, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    neo4j: {
      uri,
      username: text('NEO4J_USERNAME', 'neo4j'),
      password: env.NEO4J_PASSWORD ?? '',
      database: text('NEO4J_DATABASE', 'neo4j'),
      maxRetryTimeMs: integer('NEO4J_MAX_RETRY_MS', 10_000, 0, 600_000),
      connectionTimeoutMs: integer('NEO4J_CONNECTION_TIMEOUT_MS', 5_000, 100, 600_000),
      queryTimeoutMs: integer('NEO4J_QUERY_TIMEOUT_MS', 30_000, 100, 3_600_000),
    },
    embedded: {
      dataDir: path.resolve(text('EMBEDDED_NEO4J_DATA', path.join(PROJECT_ROOT, '.data', 'neo4j'))),
      boltPort: integer('EMBEDDED_NEO4J_BOLT_PORT', 7688, 1, 65535),
      pageCache: size('EMBEDDED_NEO4J_PAGECACHE', '512m'),
      heap: size('EMBEDDED_NEO4J_HEAP', '1g'),
    },
    loadDemoData: flag('LOAD_DEMO_DATA', undefined),
    security: {
      apiKeys: apiKeys(env, problems),
      allowOpenApi: flag('ALLOW_OPEN_API', false),
      development,
      fieldSuggestions: flag('GRAPHQL_SUGGESTIONS', !production),
      introspection: flag('GRAPHQL_INTROSPECTION', !production),
      limits: {
        maxDepth: integer('GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 1000),
        maxAliases: integer('GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 100_000),
        maxCost: integer('GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 1_000_000_000),
        assumedListSize: DEFAULT_QUERY_LIMITS.assumedListSize,
        maxTokens: integer('GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 10, 1_000_000),
        maxResponseFields: integer('GRAPHQL_MAX_RESPONSE_FIELDS', DEFAULT_QUERY_LIMITS.maxResponseFields, 1, 1_000_000_000),
      },
      maxBodyBytes: bytes('MAX_BODY_SIZE', '16m'),
    },
    logging: {
      format: oneOf('LOG_FORMAT', ['json', 'pretty'] as const, production ? 'json' : 'pretty'),
      slowQueryMs: integer('SLOW_QUERY_MS', 1_000, 0, 3_600_000),
    },
    analysis: {
      keptResults: integer('ANALYSIS_KEPT_RESULTS', DEFAULT_ANALYSIS_CONFIG.keptResults, 0, 1_000_000),
      keptBytes: bytes('ANALYSIS_KEPT_MEMORY', `${DEFAULT_ANALYSIS_CONFIG.keptBytes / 1024 ** 2}m`),
      tracedPerStatement: integer('ANALYSIS_TRACED_PER_STATEMENT', DEFAULT_ANALYSIS_CONFIG.tracedPerStatement, 1, 100_000),
    },
    heapGrowthPercent: integer('HEAP_GROWTH_PERCENT', 50, 0, 1_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** API_KEYS and API_KEYS_FILE together; problems name entries and lines, never keys. */
function apiKeys(env: Env, problems: string[]): ApiKey[] {
  const keys: ApiKey[] = [];
  if (env.API_KEYS?.trim()) keys.push(...parseKeysVariable(env.API_KEYS, problems));
  const file = env.API_KEYS_FILE?.trim();
  if (file) {
    try {
      keys.push(...parseKeysFile(fs.readFileSync(file, 'utf8'), file, problems));
    } catch (error) {
      problems.push(`API_KEYS_FILE=${JSON.stringify(file)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return keys;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * Serving: an API without keys answers anyone who reaches it, so it listens on
 * loopback only unless ALLOW_OPEN_API says that is meant.
 */
export function checkServing(config: AppConfig): void {
  const { apiKeys, allowOpenApi } = config.security;
  if (apiKeys.length === 0 && !allowOpenApi && !LOOPBACK.test(config.host)) {
    throw new ConfigError([
      `HOST=${JSON.stringify(config.host)}: without API keys the API is open to anyone who reaches it, so it listens on loopback only. ` +
        'Set API_KEYS (role:key, ...) or API_KEYS_FILE (see `blueprint api-key`), or ALLOW_OPEN_API=true to serve it open on purpose.',
    ]);
  }
}
