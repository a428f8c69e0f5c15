import * as path from 'node:path';

/** Everything the app reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  embedded: EmbeddedNeo4jConfig;
  /** Load the demo blueprints into an empty database at start; unset: only into the embedded one. */
  loadDemoData?: boolean;
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
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

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

  const uri = env.NEO4J_URI?.trim() || undefined;
  if (uri) {
    const scheme = uri.split('://')[0];
    if (!uri.includes('://') || !NEO4J_SCHEMES.includes(scheme) || !hasHost(uri)) {
      problems.push(`NEO4J_URI=${JSON.stringify(uri)}: expected a URI with a host and one of the schemes ${NEO4J_SCHEMES.join(', ')}`);
    }
  }

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
    },
    embedded: {
      dataDir: path.resolve(text('EMBEDDED_NEO4J_DATA', path.join(PROJECT_ROOT, '.data', 'neo4j'))),
      boltPort: integer('EMBEDDED_NEO4J_BOLT_PORT', 7688, 1, 65535),
      pageCache: size('EMBEDDED_NEO4J_PAGECACHE', '512m'),
      heap: size('EMBEDDED_NEO4J_HEAP', '1g'),
    },
    loadDemoData: flag('LOAD_DEMO_DATA', undefined),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
