import fc from 'fast-check';
import { runCypher } from '../helpers/cypher';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { mutate, validDocument } from './document-arbitrary';

/**
 * Generated documents through the whole app and a real Neo4j. fast-check
 * prints the seed and path of a failure; PROPERTY_SEED=<seed> replays it.
 */
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;

describe('blueprint documents, generated', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const orgPrefix = uniqueKey('prop');
  const exportDocument = async (key: string) => (await api.graphql(EXPORT, { key })).data?.exportBlueprint;

  it('imports every valid document and exports it back equal', async () => {
    await fc.assert(
      fc.asyncProperty(validDocument(orgPrefix), async (generated) => {
        const document = { ...generated, key: uniqueKey('prop-bp') };
        const { errors } = await api.graphql(IMPORT_KEY, { document });
        expect(errors).toBeUndefined();
        expect(await exportDocument(document.key)).toEqual(canonicalDocument(document));
      }),
      { numRuns: 25, seed },
    );
  });

  /** This test's nodes and their relationships, with every property: what a rejected import must leave alone. */
  const snapshot = async (blueprintKey: string) =>
    (
      await runCypher(
        api,
        `MATCH (n) WHERE n.key STARTS WITH $orgPrefix OR n.blueprintKey = $blueprintKey OR (n:Blueprint AND n.key = $blueprintKey)
         RETURN n {.*, labels: labels(n), out: [(n)-[r]->(m) | [type(r), properties(r), m.key]]} AS node ORDER BY labels(n)[0], n.key`,
        { orgPrefix, blueprintKey },
      )
    ).map((row) => row.node);

  it('rejects every document broken by a mutation, at the mutated path, and writes nothing', async () => {
    const missingKey = `${orgPrefix}-missing`;
    await fc.assert(
      fc.asyncProperty(validDocument(orgPrefix), fc.nat(), fc.boolean(), async (generated, choice, replacing) => {
        const key = uniqueKey('prop-bp');
        const valid = { ...generated, key };
        // Half of the broken documents replace a blueprint that exists, half would create one.
        if (replacing) expect((await api.graphql(IMPORT_KEY, { document: valid })).errors).toBeUndefined();
        const before = await snapshot(key);
        const mutation = mutate(valid, choice, missingKey);

        const { data, errors } = await api.graphql(IMPORT_KEY, { document: mutation.document, mode: 'REPLACE' });
        expect(data).toBeNull();
        expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(errors![0].extensions!.problems!.map((problem) => problem.path)).toContain(mutation.path);
        expect(await snapshot(key)).toEqual(before);
        if (replacing) expect(await exportDocument(key)).toEqual(canonicalDocument(valid));
      }),
      { numRuns: 40, seed },
    );
  });
});
