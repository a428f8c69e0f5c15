import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function loadYaml<T = any>(file: string): T {
  return parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
}

export function loadJson<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
}

/** The example document under a key of its own, so tests do not share blueprints. */
export function exampleDocument(key: string): any {
  return { ...loadYaml('after-sales-repair.yaml'), key };
}

/** The example with every department, role, system and process key prefixed by `org`: renaming or moving them touches no other test. */
export function exampleWithOwnOrganisation(key: string, org: string): any {
  const example = exampleDocument(key);
  const orgKeys = ['departments', 'roles', 'systems', 'processes'].flatMap((list) => example[list].map((entry: { key: string }) => entry.key));
  return JSON.parse(JSON.stringify(example).replace(new RegExp(`"(${orgKeys.join('|')})"`, 'g'), `"${org}-$1"`));
}

export function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  const scale = Math.max(1, Math.abs(actual), Math.abs(expected));
  if (Math.abs(actual - expected) > tolerance * scale) {
    throw new Error(`expected ${expected}, got ${actual} (tolerance ${tolerance})`);
  }
}
