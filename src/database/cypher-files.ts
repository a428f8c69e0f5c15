import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';

/** Queries live in cypher/*.cypher, reviewed as files and loaded by name. */
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

const cache = new Map<string, string>();

export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(CYPHER_DIR, `${name}.cypher`);
    text = stripComments(fs.readFileSync(file, 'utf8')).trim();
    if (!text) throw new Error(`${file} holds no query`);
    cache.set(name, text);
  }
  return text;
}

/** The statements of a file that holds several, separated by semicolons at line ends. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export function cypherFileNames(): string[] {
  return fs
    .readdirSync(CYPHER_DIR)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => file.slice(0, -'.cypher'.length))
    .sort();
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}
