import { readFileSync } from 'node:fs';
import { Kind, OperationDefinitionNode, buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../../src/security/query-limit-settings';
import { fragmentsOf } from '../../src/security/fragments';
import { limitViolations, measureOperation } from '../../src/security/query-limits';

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));

function operationOf(text: string) {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { operation, fragments: fragmentsOf(document) };
}

function measure(text: string, listSize = 10, variables: Record<string, unknown> = {}) {
  const { operation, fragments } = operationOf(text);
  return measureOperation(schema, operation, fragments, listSize, variables);
}

/** F0 is one field; each F(i) spreads F(i-1) twice, so expanding F(n) naively means 2^n walks. */
function doublingFragments(levels: number): string {
  const fragments = [`fragment F0 on Blueprint { key }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Blueprint { ...F${i - 1} ...F${i - 1} }`);
  return `{ blueprints { ...F${levels} } } ${fragments.join(' ')}`;
}

const nestedDependsOn = (levels: number) => `{ blueprint(key: "b") { stages { steps { actions { key ${'dependsOn { key '.repeat(levels)}${'} '.repeat(levels)}} } } } }`;

describe('query measures', () => {
  it('counts depth by selection sets', () => {
    expect(measure('{ blueprints { key } }').depth).toBe(2);
    expect(measure(nestedDependsOn(3)).depth).toBe(8);
  });

  it('costs every field once, times the assumed size of each list above it', () => {
    // blueprints (list: 10) x (key + name) = 10 x (1 + 2)
    expect(measure('{ blueprints { key name } }').cost).toBe(30);
    // blueprint (one) + stages (10) x (itself + key + steps (10) x (itself + key))
    expect(measure('{ blueprint(key: "b") { stages { key steps { key } } } }').cost).toBe(1 + 10 * (1 + 1 + 10 * (1 + 1)));
  });

  it('a literal limit replaces the assumed size of its list', () => {
    const query = (limit: number) =>
      `{ rootCauses { departments { contributions { chains(limit: ${limit}) { mass } } } } }`;
    expect(measure(query(1)).cost).toBeLessThan(measure(query(100)).cost);
    expect(measure(query(100)).cost / measure(query(1)).cost).toBeGreaterThan(50);
  });

  it('counts aliases and walks fragments where they are spread', () => {
    const measured = measure('{ a: blueprints { ...F } b: blueprints { ...F } } fragment F on Blueprint { k: key stages { key } }');
    expect(measured.aliases).toBe(4);
    expect(measured.depth).toBe(3);
    expect(measured.cost).toBe(2 * 10 * (1 + 1 + 10 * (1 + 1)));
  });

  it('measures each fragment once, so fragments that spread each other twice per level cost linear time', () => {
    const text = doublingFragments(40);
    expect(text.length).toBeLessThan(2000);
    // 2^40 key fields under a list of 10, plus the list itself: counted, not walked (a walk would not end
    // within the test's timeout), so this holds without timing the measurement on a busy machine.
    const measured = measure(text);
    expect(measured.cost).toBe(10 * (1 + 2 ** 40));
    expect(measured.depth).toBe(2);
  });

  it('a list bound given as a variable counts with its value, an absent one with its default', () => {
    const query = `query Q($n: Int) { rootCauses { departments { contributions { chains(limit: $n) { mass } } } } }`;
    const withValue = (n: number) => measure(query, 10, { n }).cost;
    expect(withValue(100000)).toBeGreaterThan(withValue(1) * 50000);
    const defaulted = measure(`{ rootCauses { departments { contributions { chains { mass } } } } }`).cost;
    expect(defaulted).toBe(withValue(3));
  });

  it('a fragment spread inside itself does not loop', () => {
    expect(() => measure('{ blueprints { ...F } } fragment F on Blueprint { key ...F }')).not.toThrow();
  });
});

describe('the limits', () => {
  const errors = (text: string, variables: Record<string, unknown> = {}) => {
    const { operation, fragments } = operationOf(text);
    return limitViolations(schema, operation, fragments, DEFAULT_QUERY_LIMITS, variables);
  };

  it('accepts the deepest reads that clients make', () => {
    expect(errors(nestedDependsOn(2))).toEqual([]);
    expect(errors('{ rootCauses { departments { contributions { chains(limit: 3) { actions { key owners { key } } mass } } } } }')).toEqual([]);
  });

  it('refuses depth, aliases and cost over the limits, saying which and by how much', () => {
    expect(errors(nestedDependsOn(50))).toEqual(
      expect.arrayContaining([`the operation is nested 55 levels deep; the limit is ${DEFAULT_QUERY_LIMITS.maxDepth}`]),
    );
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: blueprints { key }`).join(' ');
    expect(errors(`query Many { ${aliases} }`)).toEqual(
      expect.arrayContaining([`operation "Many" has 1000 aliases; the limit is ${DEFAULT_QUERY_LIMITS.maxAliases}`]),
    );
    const costly = errors(nestedDependsOn(7));
    expect(costly).toHaveLength(1);
    expect(costly[0]).toMatch(/^the operation would cost about \d+ fields .*the limit is 5000000$/);
    const chains = 'query Q($n: Int) { rootCauses { departments { contributions { chains(limit: $n) { mass } } } } }';
    expect(errors(chains, { n: 3 })).toEqual([]);
    expect(errors(chains, { n: 100000 })).toEqual([expect.stringMatching(/^operation "Q" would cost about/)]);
    expect(errors(doublingFragments(29))).toEqual([expect.stringMatching(/would cost about 5368709130 fields/)]);
  });
});

describe('introspection under the limits', () => {
  const violations = (text: string) => {
    const { operation, fragments } = operationOf(text);
    return limitViolations(schema, operation, fragments, DEFAULT_QUERY_LIMITS);
  };

  it('lets the introspection query of GraphQL tools through (GraphiQL, code generators, BI connectors)', () => {
    expect(violations(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }))).toEqual([]);
    expect(measure(getIntrospectionQuery()).depth).toBe(1);
  });

  it('counts its lists as long as this schema makes them, so that nesting them is refused by its cost', () => {
    const types = Object.keys(schema.getTypeMap()).length;
    expect(measure('{ __schema { types { name } } }').cost).toBe(1 + types * 2);
    const nested = (levels: number) => `{ __schema { types { ${'fields { type { '.repeat(levels)}name${' } }'.repeat(levels)} } } }`;
    expect(violations(nested(1))).toEqual([]);
    expect(violations(nested(4))).toEqual([expect.stringMatching(/^the operation would cost about \d+ fields/)]);
  });
});
