import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/app-config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/database/embedded-neo4j';
import { freePort } from './free-port';

/**
 * The product as the chaos, soak and bench scripts run it: an embedded Neo4j
 * of their own (fresh data folder, free port) and the built app (dist/main.js)
 * as a child process pointed at it, without demo data; or the app with the
 * embedded Neo4j it starts and supervises itself; or any other Node server the
 * same way.
 */

export const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

export interface Database {
  uri: string;
  stop(): Promise<void>;
  /** Starts it again on the same data folder and port. */
  restart(): Promise<void>;
}

export interface AppProcess {
  url: string;
  pid: number;
  /** Whether the process has exited since it started. */
  exited(): boolean;
  /** Resident memory, in bytes, from /proc. */
  rss(): number;
  /** A question over IPC to a module preloaded for it (see bench/query-count-preload). */
  ask(question: { type: string }): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startDatabase(name: string): Promise<Database> {
  const dataDir = path.join(PROJECT_ROOT, '.data', name, 'neo4j');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = { dataDir, boltPort: await freePort(), pageCache: '256m', heap: '1g' };
  const quiet = (line: string) => (/Resolving|Starting/.test(line) ? log(line) : undefined);
  let running: EmbeddedNeo4j = await startEmbeddedNeo4j(config, quiet);
  return {
    uri: running.uri,
    stop: () => running.stop(),
    restart: async () => {
      running = await startEmbeddedNeo4j(config, quiet);
    },
  };
}

export interface ServerOptions {
  /** The entry file, relative to the project root. */
  script: string;
  /** Added to this process's environment; an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
  /** Modules loaded before the entry (`node -r`), relative to the project root. */
  preload?: string[];
  /** A file for the server's stdout and stderr (otherwise stdout is dropped). */
  logFile?: string;
  /** How long to wait for /health; 60 s unless told. */
  readyWithinMs?: number;
}

export async function startApp(neo4jUri: string, options: Partial<ServerOptions> = {}): Promise<AppProcess> {
  return startServer({
    ...options,
    script: options.script ?? path.join('dist', 'main.js'),
    env: { NEO4J_URI: neo4jUri, LOAD_DEMO_DATA: 'false', ...options.env },
  });
}

export interface EmbeddedApp extends AppProcess {
  /** The data folder of its embedded Neo4j, fresh at the start. */
  dataDir: string;
  boltUri: string;
  /** The file with the app's stdout and stderr. */
  logFile: string;
  /** The process id of its embedded Neo4j's JVM now, found by the data folder; undefined while none runs. */
  jvmPid(): number | undefined;
}

/**
 * The app without NEO4J_URI, so with the embedded Neo4j it starts and
 * supervises itself: a fresh data folder .data/<name>/app-neo4j (its classpath
 * cache in .data/<name>, shared with startDatabase(name)), a free Bolt port,
 * no demo data, its output in .data/<name>/app.log.
 */
export async function startEmbeddedApp(name: string): Promise<EmbeddedApp> {
  const root = path.join(PROJECT_ROOT, '.data', name);
  const dataDir = path.join(root, 'app-neo4j');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const boltPort = await freePort();
  const logFile = path.join(root, 'app.log');
  const app = await startServer({
    script: path.join('dist', 'main.js'),
    env: {
      NEO4J_URI: undefined,
      EMBEDDED_NEO4J_DATA: dataDir,
      EMBEDDED_NEO4J_BOLT_PORT: String(boltPort),
      EMBEDDED_NEO4J_PAGECACHE: '256m',
      LOAD_DEMO_DATA: 'false',
      NO_COLOR: '1',
    },
    logFile,
    // The app answers once its Neo4j is up, which may first resolve Neo4j with Maven.
    readyWithinMs: 240_000,
  });
  return { ...app, dataDir, boltUri: `bolt://127.0.0.1:${boltPort}`, logFile, jvmPid: () => javaProcessOn(dataDir) };
}

/** The id of a running java process that has `dir` as one of its arguments, read from /proc. */
export function javaProcessOn(dir: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    if (path.basename(args[0]) === 'java' && args.includes(dir)) return Number(entry);
  }
  return undefined;
}

/** A Node server on a free loopback port (PORT, HOST), ready once its /health answers. */
export async function startServer(options: ServerOptions): Promise<AppProcess> {
  const port = await freePort();
  const preload = (options.preload ?? []).flatMap((module) => ['-r', path.join(PROJECT_ROOT, module)]);
  const logFile = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const child: ChildProcess = spawn(process.execPath, [...preload, path.join(PROJECT_ROOT, options.script)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', logFile ? 'pipe' : 'ignore', 'pipe', 'ipc'],
  });
  // The IPC channel is for questions from this side only; it must not keep this process alive.
  child.channel?.unref();
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()) > 50 && errors.shift());
  if (logFile) {
    child.stdout!.on('data', (chunk: Buffer) => logFile.write(chunk));
    child.stderr!.on('data', (chunk: Buffer) => logFile.write(chunk));
    child.once('close', () => logFile.end());
  }
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, errors, options.readyWithinMs ?? 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    rss: () => procStatusBytes(child.pid!, 'VmRSS'),
    ask: (question) => ask(child, question),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Sends `{ type }` over IPC and waits for the child's answer of the same type. */
function ask(child: ChildProcess, question: { type: string }): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no answer to "${question.type}" from process ${child.pid}`)), 5_000);
    const onMessage = (message: unknown) => {
      const answer = message as Record<string, unknown>;
      if (answer && answer.type === question.type) done(undefined, answer);
    };
    function done(error?: Error, answer?: Record<string, unknown>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      if (error) reject(error);
      else resolve(answer!);
    }
    child.on('message', onMessage);
    child.send(question);
  });
}

async function waitForHealth(url: string, child: ChildProcess, errors: string[], withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}:\n${errors.join('')}`);
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await sleep(250);
  }
  throw new Error(`the app did not answer /health within ${withinMs / 1000} s:\n${errors.join('')}`);
}

/** A size line of /proc/<pid>/status (VmRSS now, VmHWM the peak since start or the last reset), in bytes. */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

/** Starts a new peak (VmHWM) for the process; false where the kernel does not allow it. */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
