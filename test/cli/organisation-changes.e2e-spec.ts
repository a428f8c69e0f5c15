import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { exampleWithOwnOrganisation } from '../helpers/fixtures';
import { runCli } from '../helpers/run-cli';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * `blueprint import` and the organisation entries every blueprint shares: a
 * file that would rename or move one is refused, naming each change, unless
 * --update-organisation; with it, the import says what it changed. Run on the
 * database directly and through a server (--url).
 */

const DEPARTMENTS = '{ departments { key name } roles { key name department { key } } }';
const BLUEPRINT = 'query($key: String!) { blueprint(key: $key) { key } }';

describe('blueprint import and organisation changes', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  let api: TestApp;
  let dir: string;
  beforeAll(async () => {
    api = await startTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-org-'));
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The example with organisation keys of its own, so that renaming them touches no other test's entries. */
  function document(key: string, org: string, names: { it?: string; agentDepartment?: string } = {}) {
    const doc = exampleWithOwnOrganisation(key, org);
    if (names.it) doc.departments.find((d: any) => d.key === `${org}-it`).name = names.it;
    if (names.agentDepartment) doc.roles.find((r: any) => r.key === `${org}-hotline-agent`).department = names.agentDepartment;
    return doc;
  }

  function file(name: string, doc: unknown): string {
    const target = path.join(dir, name);
    fs.writeFileSync(target, stringify(doc));
    return target;
  }

  for (const through of ['the database', 'a server'] as const) {
    it(`refuses a file that would change shared entries, then applies it with --update-organisation (${through})`, async () => {
      const where = () => (through === 'a server' ? ['--url', api.url] : []);
      const org = uniqueKey('cli-org');
      const first = file(`${org}-first.yaml`, document(uniqueKey('cli-org'), org));
      const initial = await runCli(['import', first, ...where()], uri());
      expect([initial.code, initial.stderr, initial.stdout]).toEqual([0, '', expect.any(String)]);
      const before = await dataOf(api, DEPARTMENTS);

      const key = uniqueKey('cli-org');
      const changing = file(`${org}-changing.yaml`, document(key, org, { it: 'Technology', agentDepartment: `${org}-it` }));
      const refused = await runCli(['import', changing, ...where()], uri());
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('imported 0, replaced 0, rejected 1');
      expect(refused.stdout).toContain(`${changing}: would change organisation-wide entries that every blueprint shares, so nothing was written:`);
      expect(refused.stdout).toContain(`  department "${org}-it" renamed from "IT" to "Technology"`);
      expect(refused.stdout).toContain(`  role "${org}-hotline-agent" moved from department "${org}-customer-service" to "${org}-it"`);
      expect(refused.stdout).toContain('import with --update-organisation to change them for every blueprint');
      expect(await dataOf(api, DEPARTMENTS)).toEqual(before);
      expect((await dataOf(api, BLUEPRINT, { key })).blueprint).toBeNull();

      const applied = await runCli(['import', changing, '--update-organisation', ...where()], uri());
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain(`imported ${changing} (${key}, version 1)`);
      expect(applied.stdout).toContain(`  changed department "${org}-it" renamed from "IT" to "Technology"`);
      expect(applied.stdout).toContain(`  changed role "${org}-hotline-agent" moved from department "${org}-customer-service" to "${org}-it"`);
      const after = await dataOf(api, DEPARTMENTS);
      expect(after.departments.find((d: any) => d.key === `${org}-it`).name).toBe('Technology');
    });
  }
});
