import { performance } from 'node:perf_hooks';
import { generateDocument } from '../../tools/bench/synthetic-documents';
import { loadConfig } from '../../src/config/app-config';
import { BlueprintHistory } from '../../src/history/blueprint-history';
import { runCypher } from '../helpers/cypher';
import { exampleDocument } from '../helpers/fixtures';
import { DOCUMENT_FIELDS, IMPORT_KEY } from '../helpers/queries';
import { codeOf, dataOf, startTestApp, TestApp, uniqueKey } from '../helpers/test-app';

/**
 * Living blueprints against the real Neo4j: every write that changes a
 * blueprint makes its next version, in the same transaction; a write made
 * against an older version is refused with CONFLICT and writes nothing; old
 * versions export and restore exactly; a blueprint's history goes with it.
 */

const EXPORT_VERSION = `query($key: String!, $version: Int) { exportBlueprint(key: $key, version: $version) { ${DOCUMENT_FIELDS} } }`;
const VERSIONS = 'query($key: String!) { blueprintVersions(key: $key) { version at operation author } }';
const HEADER = 'query($key: String!) { blueprint(key: $key) { version updatedAt name } }';
const IMPORT_AT = `mutation($document: BlueprintDocumentInput!, $mode: ImportMode, $expectedVersion: Int) {
  importBlueprint(document: $document, mode: $mode, expectedVersion: $expectedVersion) { created blueprint { key version } } }`;
const RENAME_STAGE = `mutation($blueprintKey: String!, $key: String!, $name: String!, $expectedVersion: Int) {
  renameStage(blueprintKey: $blueprintKey, key: $key, name: $name, expectedVersion: $expectedVersion) { version updatedAt } }`;
const RESTORE = `mutation($key: String!, $version: Int!, $expectedVersion: Int) {
  restoreBlueprint(key: $key, version: $version, expectedVersion: $expectedVersion) { version name } }`;
const DUPLICATE = `mutation($key: String!, $newKey: String!, $state: BlueprintState, $name: String) {
  duplicateBlueprint(key: $key, newKey: $newKey, state: $state, name: $name) { key name state version } }`;

describe('living blueprints: versions, conflicts, restore', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const ok = <T = any>(query: string, variables: Record<string, unknown>) => dataOf<T>(api, query, variables);
  const exportAt = async (key: string, version?: number) =>
    (await ok<{ exportBlueprint: any }>(EXPORT_VERSION, { key, version })).exportBlueprint;
  const versionsOf = async (key: string) => (await ok<{ blueprintVersions: any[] }>(VERSIONS, { key })).blueprintVersions;
  const versionOf = async (key: string) => (await ok<{ blueprint: { version: number } }>(HEADER, { key })).blueprint.version;
  const created = async () => {
    const key = uniqueKey('hist');
    await ok(IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    return key;
  };

  it('counts a version for every write that changes the blueprint, with time and operation, and none for one that changes nothing', async () => {
    const key = await created();
    const started = Date.now();
    expect(await versionOf(key)).toBe(1);
    await ok(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: 'Noticing' });
    // The same name again changes nothing: no write, no version.
    const same = await ok<{ renameStage: { version: number } }>(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: 'Noticing' });
    expect(same.renameStage.version).toBe(2);
    const document = exampleDocument(key);
    document.name = 'Replaced';
    const replaced = await ok<any>(IMPORT_AT, { document, mode: 'REPLACE' });
    expect(replaced.importBlueprint.blueprint.version).toBe(3);
    // Importing the same document again is no change either.
    expect((await ok<any>(IMPORT_AT, { document, mode: 'REPLACE' })).importBlueprint.blueprint.version).toBe(3);
    expect((await ok<any>(RESTORE, { key, version: 1 })).restoreBlueprint).toEqual({ version: 4, name: exampleDocument(key).name });

    const versions = await versionsOf(key);
    expect(versions.map((v) => [v.version, v.operation, v.author])).toEqual([
      [4, 'restoreBlueprint (version 1)', null],
      [3, 'importBlueprint', null],
      [2, 'renameStage', null],
      [1, 'importBlueprint', null],
    ]);
    for (const { at } of versions) {
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(at)).toBeGreaterThanOrEqual(started - 5_000);
    }
    const header = await ok<any>(HEADER, { key });
    expect(header.blueprint.updatedAt).toBe(versions[0].at);
  });

  it('exports every kept version exactly as the blueprint was, and restores one as the next version', async () => {
    const key = await created();
    const snapshots = [await exportAt(key)];
    const renames = ['Noticing', 'Spotting', 'Finding out', 'Seeing', 'Noticing'];
    for (const name of renames) {
      await ok(RENAME_STAGE, { blueprintKey: key, key: 'notice', name });
      snapshots.push(await exportAt(key));
    }
    const document = exampleDocument(key);
    document.stages.pop();
    document.painPoints = document.painPoints.filter((p: any) => p.key !== 'part-wait' && p.key !== 'guard-rude');
    document.stages[2].steps[0].actions[1].dependsOn = [];
    await ok(IMPORT_AT, { document: { ...document, stages: document.stages.slice(0, 2) }, mode: 'REPLACE' });
    snapshots.push(await exportAt(key));
    for (const [index, snapshot] of snapshots.entries()) expect(await exportAt(key, index + 1)).toEqual(snapshot);

    const restored = await ok<any>(RESTORE, { key, version: 3, expectedVersion: snapshots.length });
    expect(restored.restoreBlueprint.version).toBe(snapshots.length + 1);
    expect(await exportAt(key)).toEqual(snapshots[2]);
    expect(await exportAt(key, snapshots.length + 1)).toEqual(snapshots[2]);

    const missing = await api.graphql(EXPORT_VERSION, { key, version: 99 });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0].message).toContain('no kept version 99');
  });

  it('keeps no second copy of an edited blueprint: the graph is its newest version, older ones small patches', async () => {
    const key = await created();
    const imported = await runCypher(api, 'MATCH (v:BlueprintVersion {blueprintKey: $key}) RETURN size(v.document) AS bytes', { key });
    for (const name of ['One', 'Two', 'Three']) await ok(RENAME_STAGE, { blueprintKey: key, key: 'notice', name });
    const rows = await runCypher(
      api,
      `MATCH (:Blueprint {key: $key})-[:HAS_VERSION]->(v:BlueprintVersion)
       RETURN v.version AS version, v.document IS NOT NULL AS whole, size(v.patch) AS bytes ORDER BY version`,
      { key },
    );
    // The import kept its whole document; the first edit replaced it with the patch back.
    expect(Number(imported[0].bytes)).toBeGreaterThan(1000);
    expect(rows.map((row) => [Number(row.version), row.whole, row.bytes === null])).toEqual([
      [1, false, false],
      [2, false, false],
      [3, false, false],
      [4, false, true],
    ]);
    // A rename's patch is a record or two, far below the whole document.
    for (const row of rows.slice(0, 3)) expect(Number(row.bytes)).toBeLessThan(200);
  });

  it('keeps a 5,000-action blueprint edited many times as its graph and small patches', async () => {
    const key = uniqueKey('hist-large');
    const document = generateDocument({ key, actions: 5000, dependencies: 5000, seed: 7, orgPrefix: key });
    const started = performance.now();
    await ok(IMPORT_KEY, { document, mode: 'CREATE' });
    const imported = performance.now() - started;
    const edits = 10;
    const editStarted = performance.now();
    for (let i = 0; i < edits; i++) await ok(RENAME_STAGE, { blueprintKey: key, key: 'stage-0', name: `Renamed ${i}` });
    const perEdit = (performance.now() - editStarted) / edits;
    const rows = await runCypher(
      api,
      `MATCH (:Blueprint {key: $key})-[:HAS_VERSION]->(v:BlueprintVersion)
       RETURN v.document IS NOT NULL AS whole, size(v.patch) AS bytes`,
      { key },
    );
    expect(rows.filter((row) => row.whole)).toHaveLength(0);
    const patches = rows.filter((row) => row.bytes !== null).map((row) => Number(row.bytes));
    expect(patches).toHaveLength(edits);
    const json = Buffer.byteLength(JSON.stringify(document));
    console.log(
      `5,000 actions: document ${json} bytes as JSON; patches ${Math.min(...patches)}-${Math.max(...patches)} bytes; ` +
        `import ${Math.round(imported)} ms, ${Math.round(perEdit)} ms an edit`,
    );
    // A thousand edits of this kind keep far less than one more copy of the document.
    for (const bytes of patches) expect(bytes * 1000).toBeLessThan(json);
    // The first patch goes back to the generated name; every one rebuilds its version exactly.
    expect((await exportAt(key, 1)).stages[0].name).toBe(document.stages[0].name);
    expect((await exportAt(key, 6)).stages[0].name).toBe('Renamed 4');
  }, 180_000);

  it('keeps only the newest versions it is set to keep', async () => {
    const history = api.app.get(BlueprintHistory);
    const key = await created();
    history.versionsKept = 3;
    try {
      const snapshots: any[] = [];
      for (const name of ['One', 'Two', 'Three', 'Four']) {
        await ok(RENAME_STAGE, { blueprintKey: key, key: 'notice', name });
        snapshots.push(await exportAt(key));
      }
      expect((await versionsOf(key)).map((v) => v.version)).toEqual([5, 4, 3]);
      expect(await exportAt(key, 3)).toEqual(snapshots[1]);
      const gone = await api.graphql(EXPORT_VERSION, { key, version: 2 });
      expect(codeOf(gone)).toBe('NOT_FOUND');
      expect(gone.errors![0].message).toContain('reach back to 3');
    } finally {
      history.versionsKept = 1000;
    }
  });

  it('refuses a stale write with CONFLICT and the current version, writing nothing', async () => {
    const key = await created();
    await ok(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: 'Noticing', expectedVersion: 1 });
    const before = await exportAt(key);

    const staleEdit = await api.graphql(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: 'Late', expectedVersion: 1 });
    expect(codeOf(staleEdit)).toBe('CONFLICT');
    expect(staleEdit.errors![0].extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    expect(staleEdit.errors![0].message).toContain('is at version 2, not 1');

    const document = exampleDocument(key);
    document.name = 'Late import';
    const staleImport = await api.graphql(IMPORT_AT, { document, mode: 'REPLACE', expectedVersion: 1 });
    expect(codeOf(staleImport)).toBe('CONFLICT');
    expect(staleImport.errors![0].extensions).toMatchObject({ currentVersion: 2 });
    const staleRestore = await api.graphql(RESTORE, { key, version: 1, expectedVersion: 1 });
    expect(codeOf(staleRestore)).toBe('CONFLICT');

    expect(await exportAt(key)).toEqual(before);
    expect(await versionOf(key)).toBe(2);
    expect((await versionsOf(key)).length).toBe(2);
    // The current version is accepted.
    expect((await ok<any>(IMPORT_AT, { document, mode: 'REPLACE', expectedVersion: 2 })).importBlueprint.blueprint.version).toBe(3);
  });

  it('lets exactly one of eight editors racing on the same version win', async () => {
    const key = await created();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api.graphql(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: `Editor ${i}`, expectedVersion: 1 })),
    );
    const winners = responses.filter((response) => !response.errors);
    expect(winners).toHaveLength(1);
    expect(responses.filter((response) => codeOf(response) === 'CONFLICT')).toHaveLength(7);
    const winner = responses.indexOf(winners[0]);
    expect((await exportAt(key)).stages[0].name).toBe(`Editor ${winner}`);
    expect((await versionsOf(key)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('restores with the organisation as it is now, and refuses a version that references a deleted entry', async () => {
    const key = await created();
    const document = exampleDocument(key);
    const system = uniqueKey('sys');
    document.systems.push({ key: system, name: 'Short-lived', department: document.departments[0].key });
    document.stages[0].steps[0].actions[1].systems = [system];
    await ok(IMPORT_AT, { document, mode: 'REPLACE' });
    await ok(IMPORT_AT, { document: exampleDocument(key), mode: 'REPLACE' });
    expect(await versionOf(key)).toBe(3);
    await ok('mutation($key: String!) { deleteSystem(key: $key) }', { key: system });

    const before = await exportAt(key);
    const refused = await api.graphql(RESTORE, { key, version: 2 });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.problems).toEqual([
      { path: 'document.stages[0].steps[0].actions[1].systems[0]', message: `names no system of the document or the organisation: "${system}"` },
    ]);
    expect(await exportAt(key)).toEqual(before);

    // Renamed since: the restore keeps the organisation's name, never the old one.
    const department = document.departments[0].key;
    const version = await versionOf(key);
    await ok('mutation($d: DepartmentInput!) { upsertDepartment(department: $d) { key } }', { d: { key: department, name: 'Renamed since' } });
    // The current version is the blueprint as it is now: the same document by number as without one.
    expect(await versionOf(key)).toBe(version);
    expect(await exportAt(key, version)).toEqual(await exportAt(key));
    await ok(RESTORE, { key, version: 1 });
    const restored = await exportAt(key);
    expect(restored.departments.find((d: any) => d.key === department).name).toBe('Renamed since');
  });

  it('duplicates a blueprint as a future state that starts its own history', async () => {
    const key = await created();
    const newKey = uniqueKey('future');
    const copy = await ok<any>(DUPLICATE, { key, newKey });
    expect(copy.duplicateBlueprint).toEqual({ key: newKey, name: exampleDocument(key).name, state: 'FUTURE', version: 1 });
    const original = await exportAt(key);
    expect(await exportAt(newKey)).toEqual({ ...original, key: newKey, state: 'FUTURE' });
    expect((await versionsOf(newKey)).map((v) => v.operation)).toEqual([`duplicateBlueprint (of ${key}, version 1)`]);

    expect(codeOf(await api.graphql(DUPLICATE, { key, newKey }))).toBe('CONFLICT');
    const badKey = await api.graphql(DUPLICATE, { key, newKey: 'Not A Key' });
    expect(codeOf(badKey)).toBe('BAD_USER_INPUT');
    expect(badKey.errors![0].extensions!.problems![0].path).toBe('newKey');
    expect(codeOf(await api.graphql(DUPLICATE, { key: uniqueKey('none'), newKey: uniqueKey('x') }))).toBe('NOT_FOUND');
  });

  it('deletes the history with the blueprint', async () => {
    const key = await created();
    await ok(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: 'Noticing' });
    await ok('mutation($key: String!) { deleteBlueprint(key: $key) }', { key });
    expect(await runCypher(api, 'MATCH (v:BlueprintVersion {blueprintKey: $key}) RETURN v', { key })).toEqual([]);
    expect(codeOf(await api.graphql(VERSIONS, { key }))).toBe('NOT_FOUND');
  });
});

describe('the author of a version, with access control on', () => {
  let api: TestApp;
  const designer = `designer-${'d'.repeat(24)}`;
  beforeAll(async () => {
    const { security, logging } = loadConfig({ API_KEYS: `designer:${designer}` });
    api = await startTestApp({ serving: { security, logging } });
  });
  afterAll(() => api.close());

  it("is the label of the API key that made it", async () => {
    const key = uniqueKey('hist');
    const auth = { authorization: `Bearer ${designer}` };
    expect((await api.graphql(IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' }, auth)).errors).toBeUndefined();
    expect((await api.graphql(RENAME_STAGE, { blueprintKey: key, key: 'notice', name: 'Noticing' }, auth)).errors).toBeUndefined();
    const { data } = await api.graphql(VERSIONS, { key }, auth);
    expect(data.blueprintVersions.map((v: any) => v.author)).toEqual(['API_KEYS #1 (designer)', 'API_KEYS #1 (designer)']);
  });
});
