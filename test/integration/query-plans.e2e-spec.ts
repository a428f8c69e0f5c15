import neo4j, { Driver } from 'neo4j-driver';
import { cypher, cypherFileNames } from '../../src/database/cypher-files';
import { startTestApp } from '../helpers/test-app';
import { ACTIONS_STATEMENT, TRACES_STATEMENT } from '../../src/analysis/traces';

/** Operators that make a query's cost grow with the whole database (or worse) instead of with what it reads. */
const FORBIDDEN = ['AllNodesScan', 'CartesianProduct'];

/** A file that only binds `b` for the file that follows it (blueprints-by-key, blueprints-all, blueprints-in-states). */
const isHead = (name: string) => !/\b(RETURN|CREATE|MERGE|SET|DELETE)\b/.test(cypher(name));
/** A file that continues a head: it starts from `b` already bound. */
const isTail = (name: string) => /^(RETURN|WITH) b\b/.test(cypher(name));

function operators(plan: any): string[] {
  return [String(plan.operatorType).split('@')[0], ...(plan.children ?? []).flatMap(operators)];
}

function parameters(text: string): Record<string, null> {
  return Object.fromEntries([...text.matchAll(/\$(\w+)/g)].map((m) => [m[1], null]));
}

describe('the plans of every query in cypher/', () => {
  let driver: Driver;
  beforeAll(async () => {
    // The app applies the constraints and indexes the plans rely on.
    const api = await startTestApp();
    await api.close();
    driver = neo4j.driver(process.env.TEST_NEO4J_URI!);
  });
  afterAll(() => driver.close());

  // Files composed by name elsewhere (a head and the walk that follows it) are explained as composed.
  const composed = [TRACES_STATEMENT, ACTIONS_STATEMENT];
  const parts = new Set(composed.flat());
  const names = cypherFileNames().filter((name) => name !== 'schema' && !parts.has(name));
  const heads = names.filter(isHead);
  const tails = names.filter(isTail);
  const statements: [string, string][] = [
    ...names.filter((name) => !isHead(name) && !isTail(name)).map((name): [string, string] => [name, cypher(name)]),
    ...heads.flatMap((head) => tails.map((tail): [string, string] => [`${head} + ${tail}`, `${cypher(head)}\n${cypher(tail)}`])),
    ...composed.map((files): [string, string] => [files.join(' + '), files.map(cypher).join('\n')]),
  ];

  it('covers every file', () => {
    expect(statements.length).toBeGreaterThan(20);
    expect(heads.length).toBe(3);
    expect(tails.length).toBe(2);
  });

  it.each(statements)(`%s uses no ${FORBIDDEN.join(' or ')}`, async (_name, text) => {
    const session = driver.session({ database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j' });
    try {
      const result = await session.run(`EXPLAIN ${text}`, parameters(text));
      const used = operators(result.summary.plan);
      expect(used.filter((operator) => FORBIDDEN.includes(operator))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
