import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../database/embedded-neo4j';
import { freePort } from './free-port';

/**
 * The product as the chaos and soak scripts run it: an embedded Neo4j of
 * their own (fresh data folder, free port) and the built app (dist/main.js)
 * as a child process pointed at it, without demo data.
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

export async function startApp(neo4jUri: string): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: neo4jUri, PORT: String(port), HOST: '127.0.0.1', LOAD_DEMO_DATA: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()) > 50 && errors.shift());
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, errors);
  return {
    url,
    pid: child.pid!,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    rss: () => residentBytes(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForHealth(url: string, child: ChildProcess, errors: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}:\n${errors.join('')}`);
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await sleep(250);
  }
  throw new Error(`the app did not answer /health within 60 s:\n${errors.join('')}`);
}

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
