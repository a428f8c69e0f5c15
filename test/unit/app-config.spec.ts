import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, checkServing, loadConfig, PROJECT_ROOT } from '../../src/config/app-config';
import { hashKey } from '../../src/security/api-keys';

/** loadConfig(env): defaults, and a ConfigError naming every variable that is wrong. */

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

/** Exactly one problem, naming the variable (in the problem and in the error's message). */
function expectOneProblem(env: Record<string, string | undefined>, variable: string, detail?: RegExp): void {
  const error = configError(env);
  expect(error.problems).toHaveLength(1);
  expect(error.problems[0].startsWith(`${variable}=`)).toBe(true);
  if (detail) expect(error.problems[0]).toMatch(detail);
  expect(error.message).toContain(variable);
  expect(error.name).toBe('ConfigError');
}

describe('loadConfig: defaults', () => {
  it('an empty environment gives the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      neo4j: {
        uri: undefined,
        username: 'neo4j',
        password: '',
        database: 'neo4j',
        maxRetryTimeMs: 10_000,
        connectionTimeoutMs: 5_000,
        queryTimeoutMs: 30_000,
      },
      embedded: {
        dataDir: path.join(PROJECT_ROOT, '.data', 'neo4j'),
        boltPort: 7688,
        pageCache: '512m',
        heap: '1g',
      },
      loadDemoData: undefined,
      security: {
        apiKeys: [],
        allowOpenApi: false,
        development: false,
        fieldSuggestions: true,
        introspection: true,
        limits: { maxDepth: 12, maxAliases: 30, maxCost: 5_000_000, assumedListSize: 10, maxTokens: 5_000, maxResponseFields: 2_000_000 },
        maxBodyBytes: 16 * 1024 * 1024,
      },
      logging: { format: 'pretty', slowQueryMs: 1_000 },
      analysis: { keptResults: 256, keptBytes: 512 * 1024 ** 2, tracedPerStatement: 250 },
      heapGrowthPercent: 50,
    });
  });

  it('without NEO4J_URI the embedded database is used (no uri)', () => {
    expect(loadConfig({}).neo4j.uri).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: '   ' }).neo4j.uri).toBeUndefined();
  });

  it('empty and blank values fall back to the defaults', () => {
    const config = loadConfig({
      PORT: '',
      HOST: '  ',
      NEO4J_USERNAME: '',
      NEO4J_DATABASE: ' ',
      NEO4J_MAX_RETRY_MS: '',
      NEO4J_CONNECTION_TIMEOUT_MS: ' ',
      EMBEDDED_NEO4J_BOLT_PORT: '',
      EMBEDDED_NEO4J_PAGECACHE: '',
      EMBEDDED_NEO4J_HEAP: '',
      LOAD_DEMO_DATA: '',
    });
    expect(config).toEqual(loadConfig({}));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NEO4J_URI: 'neo4j://db.internal:7687',
      NEO4J_USERNAME: 'blueprint',
      NEO4J_PASSWORD: ' secret with spaces ',
      NEO4J_DATABASE: 'blueprints',
      NEO4J_MAX_RETRY_MS: '0',
      NEO4J_CONNECTION_TIMEOUT_MS: '100',
      EMBEDDED_NEO4J_DATA: '/tmp/neo4j-data',
      EMBEDDED_NEO4J_BOLT_PORT: '17687',
      EMBEDDED_NEO4J_PAGECACHE: '256M',
      EMBEDDED_NEO4J_HEAP: '2g',
      LOAD_DEMO_DATA: 'false',
      ANALYSIS_KEPT_RESULTS: '0',
      ANALYSIS_KEPT_MEMORY: '10m',
      ANALYSIS_TRACED_PER_STATEMENT: '40',
      HEAP_GROWTH_PERCENT: '0',
    });
    expect(config.analysis).toEqual({ keptResults: 0, keptBytes: 10 * 1024 ** 2, tracedPerStatement: 40 });
    expect({ ...config, security: undefined, logging: undefined, analysis: undefined }).toEqual({
      port: 8080,
      host: '0.0.0.0',
      neo4j: {
        uri: 'neo4j://db.internal:7687',
        username: 'blueprint',
        password: ' secret with spaces ',
        database: 'blueprints',
        maxRetryTimeMs: 0,
        connectionTimeoutMs: 100,
        queryTimeoutMs: 30_000,
      },
      embedded: { dataDir: '/tmp/neo4j-data', boltPort: 17687, pageCache: '256M', heap: '2g' },
      loadDemoData: false,
      heapGrowthPercent: 0,
    });
  });

  it('a relative embedded data folder is resolved to an absolute path', () => {
    expect(loadConfig({ EMBEDDED_NEO4J_DATA: 'data/neo4j' }).embedded.dataDir).toBe(path.resolve('data/neo4j'));
  });

  it('accepts the bounds of the numbers', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(loadConfig({ NEO4J_MAX_RETRY_MS: '600000' }).neo4j.maxRetryTimeMs).toBe(600_000);
    expect(loadConfig({ EMBEDDED_NEO4J_BOLT_PORT: '1' }).embedded.boltPort).toBe(1);
    expect(loadConfig({ PORT: ' 4000 ' }).port).toBe(4000);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['YES', true],
    [' on ', true],
    ['0', false],
    ['False', false],
    ['no', false],
    ['off', false],
  ])('LOAD_DEMO_DATA=%p is %p', (raw, expected) => {
    expect(loadConfig({ LOAD_DEMO_DATA: raw }).loadDemoData).toBe(expected);
  });

  it('sizes with k, m, g (any case) or none are accepted', () => {
    for (const size of ['512', '64k', '512m', '2G', '1g']) {
      expect(loadConfig({ EMBEDDED_NEO4J_HEAP: size }).embedded.heap).toBe(size);
      expect(loadConfig({ EMBEDDED_NEO4J_PAGECACHE: size }).embedded.pageCache).toBe(size);
    }
  });
});

describe('loadConfig: NEO4J_URI', () => {
  it.each(['neo4j://localhost:7687', 'neo4j+s://abc.databases.neo4j.io', 'neo4j+ssc://db:7687', 'bolt://localhost:7687', 'bolt+s://db:7687', 'bolt+ssc://db'])(
    'accepts %s',
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    },
  );

  // A URI without a host is caught at boot, not when the driver first connects.
  it('rejects a URI without a host (neo4j://)', () => {
    expectOneProblem({ NEO4J_URI: 'neo4j://' }, 'NEO4J_URI');
  });

  it('trims the URI', () => {
    expect(loadConfig({ NEO4J_URI: '  bolt://localhost:7687 ' }).neo4j.uri).toBe('bolt://localhost:7687');
  });

  it.each(['http://localhost:7474', 'https://db.example.com', 'localhost:7687', 'neo4j', 'ftp://db', 'neo4j+x://db'])('rejects %s', (uri) => {
    expectOneProblem({ NEO4J_URI: uri }, 'NEO4J_URI', /neo4j, neo4j\+s, neo4j\+ssc, bolt, bolt\+s, bolt\+ssc/);
  });
});

describe('loadConfig: every invalid value is a ConfigError naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '-1'],
    ['PORT', '65536'],
    ['PORT', '3000.5'],
    ['PORT', '80a'],
    ['NEO4J_MAX_RETRY_MS', '-5'],
    ['NEO4J_MAX_RETRY_MS', '600001'],
    ['NEO4J_MAX_RETRY_MS', 'ten'],
    ['NEO4J_CONNECTION_TIMEOUT_MS', '99'],
    ['NEO4J_CONNECTION_TIMEOUT_MS', '1.5'],
    ['EMBEDDED_NEO4J_BOLT_PORT', '0'],
    ['EMBEDDED_NEO4J_BOLT_PORT', '70000'],
    ['EMBEDDED_NEO4J_BOLT_PORT', 'bolt'],
    ['HEAP_GROWTH_PERCENT', '-10'],
    ['HEAP_GROWTH_PERCENT', 'half'],
  ])('%s=%p', (variable, value) => {
    expectOneProblem({ [variable]: value }, variable, /expected an integer from \d+ to \d+/);
  });

  it.each([
    ['EMBEDDED_NEO4J_PAGECACHE', 'lots'],
    ['EMBEDDED_NEO4J_PAGECACHE', '512mb'],
    ['EMBEDDED_NEO4J_HEAP', '1.5g'],
    ['EMBEDDED_NEO4J_HEAP', '-1g'],
    ['EMBEDDED_NEO4J_HEAP', '2t'],
  ])('%s=%p', (variable, value) => {
    expectOneProblem({ [variable]: value }, variable, /expected a size/);
  });

  it.each(['maybe', '2', 'enabled'])('LOAD_DEMO_DATA=%p', (value) => {
    expectOneProblem({ LOAD_DEMO_DATA: value }, 'LOAD_DEMO_DATA', /expected true or false/);
  });

  // Only plain decimal integers: hex, exponent and "-0" forms are refused.
  it.each(['0x1F90', '1e3', '-0'])('PORT=%p is not a plain integer', (value) => {
    expectOneProblem({ PORT: value }, 'PORT', /expected an integer/);
  });

  it('the problem quotes the value that was given', () => {
    const error = configError({ PORT: 'eighty' });
    expect(error.problems).toEqual(['PORT="eighty": expected an integer from 0 to 65535']);
  });
});

describe('loadConfig: several problems are reported together', () => {
  it('names every wrong variable in one ConfigError', () => {
    const error = configError({
      PORT: 'x',
      NEO4J_URI: 'http://localhost:7474',
      NEO4J_MAX_RETRY_MS: '-1',
      NEO4J_CONNECTION_TIMEOUT_MS: '5',
      EMBEDDED_NEO4J_BOLT_PORT: '0',
      EMBEDDED_NEO4J_PAGECACHE: 'big',
      EMBEDDED_NEO4J_HEAP: 'huge',
      LOAD_DEMO_DATA: 'maybe',
      // valid ones are not reported
      HOST: 'localhost',
      NEO4J_USERNAME: 'neo4j',
    });
    const variables = error.problems.map((problem) => problem.split('=')[0]).sort();
    expect(variables).toEqual(
      [
        'EMBEDDED_NEO4J_BOLT_PORT',
        'EMBEDDED_NEO4J_HEAP',
        'EMBEDDED_NEO4J_PAGECACHE',
        'LOAD_DEMO_DATA',
        'NEO4J_CONNECTION_TIMEOUT_MS',
        'NEO4J_MAX_RETRY_MS',
        'NEO4J_URI',
        'PORT',
      ].sort(),
    );
    for (const variable of variables) expect(error.message).toContain(variable);
  });
});

describe('loadConfig: access control, limits and logging', () => {
  const KEY = 'x'.repeat(24);

  it('production turns introspection off and logs JSON, unless told otherwise', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.security).toMatchObject({ development: false, fieldSuggestions: false, introspection: false });
    expect(production.logging.format).toBe('json');
    const told = loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', LOG_FORMAT: 'pretty' });
    expect(told.security.introspection).toBe(true);
    expect(told.logging.format).toBe('pretty');
  });

  it('shows stack traces only in development, and keeps suggestions and introspection on unless in production', () => {
    expect(loadConfig({}).security).toMatchObject({ development: false, fieldSuggestions: true, introspection: true });
    expect(loadConfig({ NODE_ENV: 'development' }).security).toMatchObject({ development: true, fieldSuggestions: true, introspection: true });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_SUGGESTIONS: 'on' }).security.fieldSuggestions).toBe(true);
    expect(loadConfig({ GRAPHQL_SUGGESTIONS: 'off' }).security.fieldSuggestions).toBe(false);
  });

  it('reads the limits, the body size and the timeouts', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_COST: '1000',
      GRAPHQL_MAX_TOKENS: '300',
      GRAPHQL_MAX_RESPONSE_FIELDS: '4000',
      MAX_BODY_SIZE: '512k',
      NEO4J_QUERY_TIMEOUT_MS: '2000',
      SLOW_QUERY_MS: '0',
    });
    expect(config.security.limits).toMatchObject({ maxDepth: 8, maxAliases: 0, maxCost: 1000, maxTokens: 300, maxResponseFields: 4000 });
    expect(config.security.maxBodyBytes).toBe(512 * 1024);
    expect(config.neo4j.queryTimeoutMs).toBe(2000);
    expect(config.logging.slowQueryMs).toBe(0);
  });

  it('names each wrong variable', () => {
    expectOneProblem({ LOG_FORMAT: 'xml' }, 'LOG_FORMAT', /json, pretty/);
    expectOneProblem({ MAX_BODY_SIZE: 'big' }, 'MAX_BODY_SIZE');
    expectOneProblem({ GRAPHQL_MAX_DEPTH: '0' }, 'GRAPHQL_MAX_DEPTH');
    expectOneProblem({ ALLOW_OPEN_API: 'maybe' }, 'ALLOW_OPEN_API');
    const error = configError({ API_KEYS: 'viewer:short', API_KEYS_FILE: '/no/such/keys' });
    expect(error.problems).toEqual([
      'API_KEYS entry 1: the key must have at least 20 characters',
      'API_KEYS_FILE="/no/such/keys": cannot read it (ENOENT)',
    ]);
    expect(error.message).not.toContain('short');
  });

  it('keys from the variable and the file together', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    const file = path.join(dir, 'keys');
    fs.writeFileSync(file, `admin sha256:${hashKey(KEY)} ops\n`);
    const config = loadConfig({ API_KEYS: `viewer:${KEY}`, API_KEYS_FILE: file });
    expect(config.security.apiKeys.map((key) => [key.role, key.label])).toEqual([
      ['viewer', 'API_KEYS #1 (viewer)'],
      ['admin', 'ops'],
    ]);
  });

  it('serving without keys is for loopback only, unless ALLOW_OPEN_API', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(() => checkServing(loadConfig({ HOST: host }))).not.toThrow();
    expect(() => checkServing(loadConfig({ HOST: '0.0.0.0' }))).toThrow(/HOST="0.0.0.0".*API_KEYS.*ALLOW_OPEN_API=true/s);
    expect(() => checkServing(loadConfig({ HOST: '0.0.0.0', ALLOW_OPEN_API: 'true' }))).not.toThrow();
    expect(() => checkServing(loadConfig({ HOST: '0.0.0.0', API_KEYS: `admin:${KEY}` }))).not.toThrow();
  });
});
