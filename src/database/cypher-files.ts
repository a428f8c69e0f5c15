import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';

/**
 * Queries live in cypher/*.cypher, reviewed as files and loaded by name.
 *
 * The statements of blueprint writes and the read by key start with
 * `CYPHER replan=skip`: every one starts from unique-constraint seeks, so
 * statistics cannot give it a better plan. Without it Neo4j replans a cached
 * query once its plan is 10 s old and the counts it read have moved by about
 * three quarters, which one import of a large blueprint into a small
 * database does: the import's statements then take about 2 s to plan again,
 * several times their run time.
 */
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

const cache = new Map<string, string>();

/** The query of cypher/NAME.cypher; a name that is a path (tools keep queries of their own) names that file. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.isAbsolute(name) ? `${name}.cypher` : path.join(CYPHER_DIR, `${name}.cypher`);
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
