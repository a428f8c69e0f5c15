import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const PROJECT = path.join(__dirname, '..', '..');
const BIN = path.join(PROJECT, 'bin', 'blueprint.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `blueprint` command as a user would, as a child process, against the given Neo4j. */
export function runCli(args: string[], neo4jUri: string, cwd = PROJECT, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NEO4J_URI: neo4jUri, NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
