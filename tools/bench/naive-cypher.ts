import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/app-config';

/** The naive peers' queries, one statement per element or field: tools/bench/cypher/naive-*.cypher, which only the benchmark uses. */
const NAIVE_CYPHER_DIR = path.join(PROJECT_ROOT, 'tools', 'bench', 'cypher');

/** The name to run a naive query by (a path, which the product's query loader reads as that file). */
export function naiveQuery(name: string): string {
  return path.join(NAIVE_CYPHER_DIR, name);
}
