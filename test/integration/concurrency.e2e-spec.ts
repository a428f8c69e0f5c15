import { SyntheticDocument, generateDocument } from '../../tools/bench/synthetic-documents';
import { mulberry32 } from '../../src/common/seeded-random';
import { runCypher } from '../helpers/cypher';
import { EXPORT, IMPORT_KEY } from '../helpers/queries';
import { GraphQLResponse, TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * Eight clients import at the same time blueprints that share one
 * organisation (departments, roles, systems, processes): four each create a
 * blueprint of their own and replace it, four replace two blueprints in
 * pairs, twice each. Every document lists the organisation's entries in an
 * order of its own and renames them, so the transactions take the same locks
 * in different orders, which is what makes deadlocks.
 */

const CLIENTS = 8;
const OWN = 4;
const ORG_KINDS = ['departments', 'roles', 'systems', 'processes'] as const;

interface Job {
  key: string;
  mode: 'CREATE' | 'REPLACE';
  document: SyntheticDocument;
}

interface Outcome {
  job: Job;
  response: GraphQLResponse;
}

describe('concurrent imports of blueprints that share an organisation', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const cypher = (query: string, parameters: Record<string, unknown>) => runCypher(api, query, parameters);

  it('absorbs every lock conflict, writes no key twice, and leaves the nodes of one import', async () => {
    const prefix = uniqueKey('cc');
    let seed = 0;
    const version = (key: string): SyntheticDocument => {
      seed++;
      const document = generateDocument({ key, actions: 24 + 8 * (seed % 3), dependencies: 30, seed, orgPrefix: prefix });
      const random = mulberry32(seed * 7919);
      for (const kind of ORG_KINDS) {
        const list = document[kind] as { name: string }[];
        list.sort(() => random() - 0.5);
        for (const entry of list) entry.name = `${entry.name} as of version ${seed}`;
      }
      return document;
    };
    const ownKeys = Array.from({ length: OWN }, (_, i) => `${prefix}-own-${i}`);
    const sharedKeys = [`${prefix}-shared-0`, `${prefix}-shared-1`];
    const clients: Job[][] = Array.from({ length: CLIENTS }, (_, c) => {
      if (c < OWN) {
        const key = ownKeys[c];
        return [
          { key, mode: 'CREATE', document: version(key) },
          { key, mode: 'REPLACE', document: version(key) },
        ];
      }
      const key = sharedKeys[c % sharedKeys.length];
      return [
        { key, mode: 'REPLACE', document: version(key) },
        { key, mode: 'REPLACE', document: version(key) },
      ];
    });

    // A first import compiles the statements, under an organisation of its own, so that the clients race for
    // the locks rather than wait on the query planner.
    const warmUpKey = uniqueKey('cc-warm-up');
    const warmUp = generateDocument({ key: warmUpKey, actions: 8, dependencies: 4, seed: 0, orgPrefix: warmUpKey });
    expect((await api.graphql(IMPORT_KEY, { document: warmUp })).errors).toBeUndefined();

    const outcomes: Outcome[][] = await Promise.all(
      clients.map(async (jobs) => {
        const done: Outcome[] = [];
        for (const job of jobs) done.push({ job, response: await api.graphql(IMPORT_KEY, { document: job.document, mode: job.mode }) });
        return done;
      }),
    );

    const errors = outcomes.flat().flatMap(({ job, response }) =>
      (response.errors ?? []).map((error) => `${job.mode} ${job.key}: ${error.extensions?.code} ${error.message}`),
    );
    expect(errors).toEqual([]);

    // Exactly one import of each key created its blueprint, and for the clients that own a key, the first.
    const created = (key: string) =>
      outcomes.flat().filter(({ job, response }) => job.key === key && response.data?.importBlueprint.created);
    for (const key of [...ownKeys, ...sharedKeys]) expect(created(key)).toHaveLength(1);
    for (const jobs of outcomes.slice(0, OWN)) expect(jobs.map(({ response }) => response.data.importBlueprint.created)).toEqual([true, false]);

    // No (label, key) or (label, blueprint, key) twice, among this test's nodes; nor two versions with one number.
    const duplicates = await cypher(
      `MATCH (n) WHERE n.key STARTS WITH $prefix OR n.blueprintKey STARTS WITH $prefix
       WITH labels(n) AS labels, n.blueprintKey AS blueprintKey, coalesce(n.key, n.version) AS key, count(*) AS copies
       WHERE copies > 1 RETURN labels, blueprintKey, key, copies`,
      { prefix },
    );
    expect(duplicates).toEqual([]);

    // One node for every organisation-wide key that any document listed, with one department each and a name sent for it.
    const sent = new Map<string, Set<string>>();
    for (const { document } of clients.flat())
      for (const kind of ORG_KINDS)
        for (const entry of document[kind] as { key: string; name: string }[])
          sent.set(`${kind}:${entry.key}`, (sent.get(`${kind}:${entry.key}`) ?? new Set()).add(entry.name));
    const stored = await cypher(
      `MATCH (n) WHERE (n:Department OR n:Role OR n:System OR n:Process) AND n.key STARTS WITH $prefix
       RETURN labels(n)[0] AS label, n.key AS key, n.name AS name,
              COUNT { (n)-[:MEMBER_OF|OWNED_BY]->(:Department) } AS departments`,
      { prefix },
    );
    const kindOf: Record<string, string> = { Department: 'departments', Role: 'roles', System: 'systems', Process: 'processes' };
    expect(stored.map((n) => `${kindOf[n.label]}:${n.key}`).sort()).toEqual([...sent.keys()].sort());
    for (const node of stored) {
      expect(sent.get(`${kindOf[node.label]}:${node.key}`)).toContain(node.name);
      expect(Number(node.departments)).toBe(node.label === 'Department' ? 0 : 1);
    }

    // Each blueprint is one of the versions a client sent last, node for node and relationship for relationship:
    // the same document imported alone under another key is the reference.
    const lastVersions = (key: string) =>
      clients.filter((jobs) => jobs[0].key === key).map((jobs) => jobs[jobs.length - 1].document);
    const withoutOrganisationNames = (document: any) => ({
      ...document,
      key: null,
      ...Object.fromEntries(ORG_KINDS.map((kind) => [kind, document[kind].map(({ name, ...rest }: any) => rest)])),
    });
    const exportDocument = async (key: string) => {
      const { data, errors: exportErrors } = await api.graphql(EXPORT, { key });
      expect(exportErrors).toBeUndefined();
      return withoutOrganisationNames(data.exportBlueprint);
    };
    const footprint = async (blueprintKey: string) =>
      (
        await cypher(
          `MATCH (n {blueprintKey: $blueprintKey}) WHERE NOT n:BlueprintVersion
           RETURN labels(n)[0] + ' ' + n.key + ' in ' + COUNT { (n)<--() } + ' out ' + COUNT { (n)-->() } AS node ORDER BY node`,
          { blueprintKey },
        )
      ).map((row) => row.node);
    for (const key of [...ownKeys, ...sharedKeys]) {
      const exported = await exportDocument(key);
      const references = [];
      for (const document of lastVersions(key)) {
        const referenceKey = uniqueKey(`${prefix}-alone`);
        expect((await api.graphql(IMPORT_KEY, { document: { ...document, key: referenceKey } })).errors).toBeUndefined();
        references.push({ document: await exportDocument(referenceKey), nodes: await footprint(referenceKey) });
      }
      expect(references.map((reference) => reference.document)).toContainEqual(exported);
      const match = references.find((reference) => JSON.stringify(reference.document) === JSON.stringify(exported))!;
      expect(await footprint(key)).toEqual(match.nodes);
    }
  });
});

/**
 * Writers REPLACE one blueprint over and over while readers read it: every
 * version has its own action count and its number in every name, so a read
 * that mixes two versions, or shows part of one, is plain to see.
 */
describe('reads while writers replace the same blueprint', () => {
  const WRITERS = 8;
  const READERS = 4;
  const SECONDS = Number(process.env.TORN_READ_SECONDS ?? 30);
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const READ = `query($key: String!) { blueprint(key: $key) {
    name stages { name steps { name actions { key name dependsOn { key } owners { key } } } }
    painPoints { key title action { key name } causes { key } } } }`;
  const ROOT_CAUSES = `query($key: String!) { rootCauses(blueprintKey: $key) {
    totalImpact departments { department { key } score contributions { painPoint { key } chains { actions { key } } } } } }`;

  /** Version v: 12 actions when v is odd, 20 when even; every name ends in "v<v>"; one pain point per action. */
  const versionOf = (key: string, org: string, v: number) => {
    const actions = v % 2 === 1 ? 12 : 20;
    return {
      key,
      name: `Blueprint v${v}`,
      departments: [{ key: `${org}-d`, name: 'D' }],
      stages: [
        {
          key: 's',
          name: `Stage v${v}`,
          steps: Array.from({ length: 4 }, (_, t) => ({
            key: `t${t}`,
            name: `Step v${v}`,
            actions: Array.from({ length: actions / 4 }, (_, j) => {
              const i = t * (actions / 4) + j;
              return {
                key: `a${i}`,
                lane: i % 2 === 0 ? 'CUSTOMER' : 'BACKSTAGE',
                name: `Action ${i} v${v}`,
                ...(i % 2 === 1 ? { department: `${org}-d` } : {}),
                ...(i + 1 < actions ? { dependsOn: [`a${i + 1}`] } : {}),
              };
            }),
          })),
        },
      ],
      painPoints: Array.from({ length: actions }, (_, i) => ({ key: `p${i}`, title: `Pain ${i} v${v}`, action: `a${i}`, severity: 3 })),
    };
  };

  /** Why a read is torn, or null when it shows one whole version. */
  const tornBecause = (blueprint: any): string | null => {
    const names: string[] = [blueprint.name];
    const actions: any[] = [];
    for (const stage of blueprint.stages) {
      names.push(stage.name);
      for (const step of stage.steps) {
        names.push(step.name);
        for (const action of step.actions) {
          names.push(action.name);
          actions.push(action);
        }
      }
    }
    for (const painPoint of blueprint.painPoints) names.push(painPoint.title, painPoint.action.name);
    const versions = new Set(names.map((name) => /v(\d+)$/.exec(name)?.[1]));
    if (versions.size !== 1) return `names of versions ${[...versions].join(', ')}`;
    const v = Number([...versions][0]);
    const expected = v % 2 === 1 ? 12 : 20;
    if (actions.length !== expected) return `v${v} with ${actions.length} of ${expected} actions`;
    if (blueprint.painPoints.length !== expected) return `v${v} with ${blueprint.painPoints.length} of ${expected} pain points`;
    const dependencies = actions.reduce((total, action) => total + action.dependsOn.length, 0);
    if (dependencies !== expected - 1) return `v${v} with ${dependencies} of ${expected - 1} dependencies`;
    return null;
  };

  it('every read shows one committed version, and none fails', async () => {
    const key = uniqueKey('torn');
    const org = uniqueKey('torn-org');
    let next = 1;
    expect((await api.graphql(IMPORT_KEY, { document: versionOf(key, org, next++), mode: 'CREATE' })).errors).toBeUndefined();
    const end = Date.now() + SECONDS * 1000;
    const torn: string[] = [];
    const failures: string[] = [];
    let reads = 0;
    let writes = 0;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (Date.now() < end) {
        const answer = await api.graphql(IMPORT_KEY, { document: versionOf(key, org, next++), mode: 'REPLACE' });
        if (answer.errors) failures.push(`write: ${answer.errors[0].message}`);
        else writes++;
      }
    });
    const readers = Array.from({ length: READERS }, async (_, r) => {
      while (Date.now() < end) {
        const rootCauses = r % 2 === 1;
        const answer = await api.graphql(rootCauses ? ROOT_CAUSES : READ, { key });
        reads++;
        if (answer.errors) failures.push(`${rootCauses ? 'rootCauses' : 'blueprint'}: ${answer.errors[0].message}`);
        else if (!rootCauses) {
          const why = tornBecause(answer.data.blueprint);
          if (why) torn.push(why);
        } else if (answer.data.rootCauses.totalImpact % 3 !== 0 || ![36, 60].includes(answer.data.rootCauses.totalImpact)) {
          torn.push(`rootCauses over a total impact of ${answer.data.rootCauses.totalImpact}`);
        }
      }
    });
    await Promise.all([...writers, ...readers]);
    console.log(`${SECONDS} s: ${writes} writes, ${reads} reads, ${torn.length} torn, ${failures.length} failed`);
    expect(writes).toBeGreaterThan(20);
    expect(reads).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(torn).toEqual([]);
  });
});
