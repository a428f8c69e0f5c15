import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../helpers/free-port';

/**
 * The image's build, without a Docker engine: the Dockerfile's steps replayed
 * in clean folders that hold only what its COPY lines bring (a folder per
 * stage standing for its WORKDIR), then its CMD started with its ENV against
 * the test run's Neo4j. A step that works only because this checkout has
 * something lying around (a built dist/, node_modules, a script never
 * copied) fails here as it would in `docker build`.
 */

const PROJECT = path.join(__dirname, '..', '..');

interface Instruction {
  keyword: string;
  args: string;
}

function instructions(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** `A=1 B="x y"` -> { A: '1', B: 'x y' } */
function envOf(args: string): Record<string, string> {
  return Object.fromEntries([...args.matchAll(/(\w+)=("([^"]*)"|\S+)/g)].map((m) => [m[1], m[3] ?? m[2]]));
}

function copy(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

describe('the Dockerfile, replayed', () => {
  let scratch: string;
  let server: ChildProcess | undefined;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-image-'));
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('builds from what it copies alone, and the result serves GraphQL against a Neo4j', async () => {
    const stages = new Map<string, string>();
    let workdir = '';
    let env: Record<string, string> = {};
    let cmd: string[] = [];
    for (const { keyword, args } of instructions(fs.readFileSync(path.join(PROJECT, 'Dockerfile'), 'utf8'))) {
      if (keyword === 'FROM') {
        const name = args.match(/\bAS\s+(\S+)/i)?.[1] ?? `stage-${stages.size}`;
        workdir = path.join(scratch, name);
        fs.mkdirSync(workdir);
        stages.set(name, workdir);
        env = {};
      } else if (keyword === 'WORKDIR') {
        expect(args).toBe('/app');
      } else if (keyword === 'ENV') {
        env = { ...env, ...envOf(args) };
      } else if (keyword === 'COPY') {
        const parts = args.split(/\s+/);
        const fromStage = parts[0].startsWith('--from=') ? stages.get(parts.shift()!.slice('--from='.length)) : undefined;
        const destination = path.join(workdir, parts.pop()!);
        for (const source of parts) {
          const origin = fromStage ? path.join(fromStage, path.relative('/app', source)) : path.join(PROJECT, source);
          const target = destination.endsWith(path.sep) || parts.length > 1 ? path.join(destination, path.basename(source)) : destination;
          copy(origin, target);
        }
      } else if (keyword === 'RUN') {
        // The packages come from this machine's npm cache where it has them (a docker build fetches them).
        const run = spawnSync('sh', ['-c', args], { cwd: workdir, env: { ...process.env, ...env, NODE_ENV: env.NODE_ENV ?? '', npm_config_prefer_offline: 'true' }, encoding: 'utf8' });
        expect({ step: args, status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-2000) }).toEqual({ step: args, status: 0, stderr: '' });
      } else if (keyword === 'CMD') {
        cmd = JSON.parse(args);
      }
    }
    // The final stage holds the product, not the build's leftovers.
    expect(fs.existsSync(path.join(workdir, 'src'))).toBe(false);
    expect(fs.existsSync(path.join(workdir, 'node_modules', 'typescript'))).toBe(false);

    const port = await freePort();
    server = spawn(cmd[0] === 'node' ? process.execPath : cmd[0], cmd.slice(1), {
      cwd: workdir,
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        // Loopback and a free port here; the image listens on 0.0.0.0:3000 behind the compose file's port mapping.
        HOST: '127.0.0.1',
        PORT: String(port),
        NEO4J_URI: process.env.TEST_NEO4J_URI!,
        NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '',
        LOAD_DEMO_DATA: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    let health = 0;
    while (Date.now() < deadline && health !== 200) {
      health = await fetch(`${base}/health`).then((r) => r.status, () => 0);
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect({ health, output: health === 200 ? '' : output }).toEqual({ health: 200, output: '' });
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename departments { key } }' }),
    }).then((r) => r.json());
    expect(answer.errors).toBeUndefined();
    expect(answer.data.__typename).toBe('Query');
    // The page script is built too.
    expect(fs.existsSync(path.join(workdir, 'dist', 'public', 'blueprint-page.js'))).toBe(true);
  }, 600_000);
});
