import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { exampleWithOwnOrganisation } from '../helpers/fixtures';
import { runCli } from '../helpers/run-cli';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * `blueprint import DIR` loads a folder in few transactions (importBlueprints,
 * up to 100 documents each): every file is checked first, a file with a
 * problem is rejected with it, and when the server refuses a batch for one
 * file the others of that batch are still imported, file by file. Run on the
 * database directly and through a server (--url).
 */

const VERSIONS = 'query($key: String!) { blueprintVersions(key: $key) { version operation } }';

describe('blueprint import of a folder', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  let api: TestApp;
  let root: string;
  beforeAll(async () => {
    api = await startTestApp();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-bulk-'));
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const operationsOf = async (key: string) => (await dataOf(api, VERSIONS, { key })).blueprintVersions.map((v: any) => v.operation);

  for (const through of ['the database', 'a server'] as const) {
    it(`imports the valid files of a folder in one transaction, and says what is wrong with the others (${through})`, async () => {
      const where = through === 'a server' ? ['--url', api.url] : [];
      const dir = fs.mkdtempSync(path.join(root, 'folder-'));
      const org = uniqueKey('bulk');
      const keys = [1, 2, 3].map(() => uniqueKey('bulk'));
      keys.forEach((key, i) => fs.writeFileSync(path.join(dir, `${i}-valid.yaml`), stringify(exampleWithOwnOrganisation(key, org))));
      fs.writeFileSync(path.join(dir, '9-broken.yaml'), 'key: broken\nname: [unclosed\n');
      const run = await runCli(['import', dir, ...where], uri());
      expect(run.stdout).toContain('imported 3, replaced 0, rejected 1');
      expect(run.stdout).toContain('9-broken.yaml:2:');
      expect(run.code).toBe(1);
      // Written together: each version names the batched import.
      for (const key of keys) expect(await operationsOf(key)).toEqual(['importBlueprints']);
    });

    it(`imports the others of a batch file by file when the server refuses one of it (${through})`, async () => {
      const where = through === 'a server' ? ['--url', api.url] : [];
      const dir = fs.mkdtempSync(path.join(root, 'refused-'));
      const org = uniqueKey('bulk');
      const [good, bad] = [uniqueKey('bulk'), uniqueKey('bulk')];
      fs.writeFileSync(path.join(dir, 'a-good.yaml'), stringify(exampleWithOwnOrganisation(good, org)));
      // Valid on its own, but its action names a department no file lists and the database lacks.
      const broken = exampleWithOwnOrganisation(bad, org);
      broken.stages[0].steps[0].actions[2].department = `${org}-nowhere`;
      fs.writeFileSync(path.join(dir, 'b-bad.yaml'), stringify(broken));
      const run = await runCli(['import', dir, ...where], uri());
      expect(run.stdout).toContain('imported 1, replaced 0, rejected 1');
      expect(run.stdout).toMatch(new RegExp(`b-bad\\.yaml:\\d+:\\d+.*${org}-nowhere`));
      expect(run.code).toBe(1);
      expect(await operationsOf(good)).toHaveLength(1);
      expect((await dataOf(api, 'query($key: String!) { blueprint(key: $key) { key } }', { key: bad })).blueprint).toBeNull();
    });
  }
});
