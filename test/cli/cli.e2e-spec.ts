import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT, loadConfig } from '../../src/config/app-config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/database/embedded-neo4j';
import { expectClose, loadJson } from '../helpers/fixtures';
import { freePort } from '../helpers/free-port';
import { PROJECT, runCli } from '../helpers/run-cli';
import { TestApp, startTestApp } from '../helpers/test-app';

const FIXTURES = path.join(PROJECT, 'test', 'fixtures');
const fixture = (...parts: string[]) => path.join('test', 'fixtures', ...parts);

describe('the blueprint command', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-cli-'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('has --help on every subcommand', async () => {
    for (const command of ['validate', 'import', 'export', 'root-causes', 'dependencies', 'history', 'diff', 'lint']) {
      const run = await runCli([command, '--help'], uri());
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: blueprint ${command}`);
    }
  });

  it('validate: four mistakes give four problems with their line and column, exit 1', async () => {
    const run = await runCli(['validate', fixture('cli', 'four-mistakes.yaml')], uri());
    expect(run.code).toBe(1);
    const file = fixture('cli', 'four-mistakes.yaml');
    expect(run.stdout.trim().split('\n')).toEqual([
      `${file}:14:36 stages[0].steps[0].actions[0].dependsOn[1]: names no action of this document: "fs-missing"`,
      `${file}:18:22 stages[0].steps[0].actions[1].emotion: is only for CUSTOMER actions; this one is FRONTSTAGE`,
      expect.stringMatching(new RegExp(`^${file}:19:18 stages\\[0\\]\\.steps\\[0\\]\\.actions\\[2\\]\\.key: must be a key`)),
      `${file}:26:15 painPoints[0].severity: must be an integer from 1 to 5`,
    ]);
    expect(run.stderr).toContain('1 of 1 file invalid');
  });

  it('validate: valid files give a one-line summary and exit 0, offline', async () => {
    const run = await runCli(['validate', 'demo', fixture('cli', 'import-folder', 'b2b-onboarding.json')], 'bolt://127.0.0.1:1');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('4 files valid');
  });

  it('validate: a YAML syntax error is reported with its position', async () => {
    const file = path.join(scratch, 'broken.yaml');
    fs.writeFileSync(file, 'key: broken\nname: [unclosed\n');
    const run = await runCli(['validate', file], uri());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ \\(syntax\\): `));
  });

  it('import: a folder with one bad file imports the others and reports the bad one, exit 1', async () => {
    const run = await runCli(['import', fixture('cli', 'import-folder')], uri());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('imported 2, replaced 0, rejected 1');
    expect(run.stdout).toContain(`imported ${fixture('cli', 'import-folder', 'b2b-onboarding.json')} (b2b-onboarding, version 1)`);
    expect(run.stdout).toContain(`imported ${fixture('cli', 'import-folder', 'ecommerce-return.yaml')} (ecommerce-return, version 1)`);
    expect(run.stdout).toContain(`${fixture('cli', 'import-folder', 'zz-four-mistakes.yaml')}:26:15 painPoints[0].severity`);

    const again = await runCli(['import', fixture('cli', 'import-folder', 'ecommerce-return.yaml')], uri());
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('imported 0, replaced 0, rejected 1');
    expect(again.stdout).toContain('ecommerce-return.yaml: a blueprint with the key "ecommerce-return" exists; import with --replace to replace it');

    const replaced = await runCli(['import', '--replace', fixture('cli', 'import-folder', 'ecommerce-return.yaml')], uri());
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('imported 0, replaced 1, rejected 0');
  });

  it('export: writes a blueprint as YAML or JSON, to a file or standard output', async () => {
    await runCli(['import', '--replace', fixture('cli', 'import-folder', 'ecommerce-return.yaml')], uri());
    const yamlRun = await runCli(['export', 'ecommerce-return'], uri());
    expect(yamlRun.code).toBe(0);
    const exported = parse(yamlRun.stdout);
    expect(exported.key).toBe('ecommerce-return');
    const file = path.join(scratch, 'return.json');
    const jsonRun = await runCli(['export', 'ecommerce-return', '--format', 'json', '-o', file], uri());
    expect(jsonRun.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(exported);
    const missing = await runCli(['export', 'no-such-blueprint-here'], uri());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No blueprint has the key "no-such-blueprint-here"');
  });

  it('root-causes and dependencies: the API figures as a table, JSON and CSV', async () => {
    const expected = loadJson('after-sales-repair.expected.json');
    const document = fs.readFileSync(path.join(FIXTURES, 'after-sales-repair.yaml'), 'utf8').replace(/^key: after-sales-repair$/m, 'key: cli-after-sales');
    const file = path.join(scratch, 'cli-after-sales.yaml');
    fs.writeFileSync(file, document);
    expect((await runCli(['import', '--replace', file], uri())).code).toBe(0);

    const json = await runCli(['root-causes', '--blueprint', 'cli-after-sales', '--format', 'json'], uri());
    const report = JSON.parse(json.stdout);
    expect(report.departments.map((d: any) => d.department.key)).toEqual(expected.rootCauses.departments.map((d: any) => d.department));
    report.departments.forEach((d: any, i: number) => expectClose(d.score, expected.rootCauses.departments[i].score));

    const table = await runCli(['root-causes', '--blueprint', 'cli-after-sales'], uri());
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toBe('4 pain points, total impact 5.9000, unattributed 0.0000');
    expect(lines[2]).toMatch(/^rank\s+department\s+name\s+score\s+share\s+pain points$/);
    expect(lines[4]).toMatch(/^\s*1\s+it\s+IT\s+1\.9979\s+33\.9%\s+2$/);

    const narrowed = await runCli(
      ['root-causes', '--blueprint', 'cli-after-sales', '--retention', '0.2', '--max-depth', '2', '--format', 'csv'],
      uri(),
    );
    const rows = narrowed.stdout.trim().split('\n').slice(1).map((line) => line.split(','));
    const want = expected['rootCausesRetention0.2MaxDepth2'];
    expect(rows.map((r) => r[1])).toEqual(want.map((d: any) => d.department));
    rows.forEach((r, i) => expectClose(Number(r[3]), want[i].score));

    const deps = await runCli(['dependencies', '--blueprint', 'cli-after-sales', '--format', 'csv'], uri());
    expect(deps.code).toBe(0);
    const depRows = deps.stdout.trim().split('\n');
    expect(depRows[0]).toBe('from,to,handoffs,impact,blueprints');
    expect(depRows[1]).toBe('customer-service,it,3,0.6125,cli-after-sales');
  });

  it('reports a bad option with exit 2', async () => {
    const run = await runCli(['root-causes', '--retention', 'lots'], uri());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a number for --retention');
  });

  describe('api-key, and a server that needs keys', () => {
    let api: TestApp;
    let keysFile: string;
    let viewerKey: string;
    beforeAll(async () => {
      const made = await runCli(['api-key', '--role', 'viewer', '--label', 'reporting job'], uri());
      expect(made.code).toBe(0);
      const [, key] = /^key: +(\S+)$/m.exec(made.stdout)!;
      const [, line] = /^line: +(.+)$/m.exec(made.stdout)!;
      expect(line).toMatch(/^viewer sha256:[0-9a-f]{64} reporting-job$/);
      expect(line).not.toContain(key);
      viewerKey = key;
      keysFile = path.join(scratch, 'api-keys');
      fs.writeFileSync(keysFile, `# made by blueprint api-key\n${line}\n`);
      const { security, logging } = loadConfig({ API_KEYS_FILE: keysFile });
      api = await startTestApp({ serving: { security, logging } });
    });
    afterAll(() => api.close());

    it('the key from api-key opens the server to the command, with its role', async () => {
      const nowhere = 'bolt://127.0.0.1:1';
      const withKey = { BLUEPRINT_API_KEY: viewerKey };
      const refused = await runCli(['dependencies', '--url', api.url], nowhere);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/UNAUTHENTICATED|API key is required/);
      const read = await runCli(['dependencies', '--format', 'json', '--url', api.url], nowhere, PROJECT, withKey);
      expect(read.code).toBe(0);
      expect(Array.isArray(JSON.parse(read.stdout))).toBe(true);
      const write = await runCli(['import', '--url', api.url, path.join(FIXTURES, 'after-sales-repair.yaml')], nowhere, PROJECT, withKey);
      expect(write.code).toBe(1);
      expect(write.stdout + write.stderr).toMatch(/needs the role designer/);
    });

    it('refuses a role it does not know', async () => {
      const wrong = await runCli(['api-key', '--role', 'owner'], uri());
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/Allowed choices are viewer, designer, admin/);
    });
  });

  describe("through a running server's GraphQL endpoint (--url)", () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp();
    });
    afterAll(() => api.close());

    it('imports, exports and reports the same figures as in-process', async () => {
      // No database reachable from the command itself: everything goes through the server.
      const nowhere = 'bolt://127.0.0.1:1';
      const file = path.join(scratch, 'url-after-sales.yaml');
      fs.writeFileSync(
        file,
        fs.readFileSync(path.join(FIXTURES, 'after-sales-repair.yaml'), 'utf8').replace(/^key: after-sales-repair$/m, 'key: url-after-sales'),
      );
      const imported = await runCli(['import', '--replace', '--url', api.url, file], nowhere);
      expect(imported.stdout).toContain('imported 1, replaced 0, rejected 0');
      const bad = await runCli(['import', '--url', api.url, fixture('cli', 'four-mistakes.yaml')], nowhere);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('rejected 1');

      const viaServer = await runCli(['root-causes', '--blueprint', 'url-after-sales', '--format', 'json', '--url', api.url], nowhere);
      const direct = await runCli(['root-causes', '--blueprint', 'url-after-sales', '--format', 'json'], uri());
      expect(JSON.parse(viaServer.stdout)).toEqual(JSON.parse(direct.stdout));
      const exported = await runCli(['export', 'url-after-sales', '--url', api.url], nowhere);
      expect(parse(exported.stdout).key).toBe('url-after-sales');
      const deps = await runCli(['dependencies', '--blueprint', 'url-after-sales', '--url', api.url], nowhere);
      expect(deps.stdout).toMatch(/customer-service\s+it\s+3\s+0\.6125\s+url-after-sales/);
    });
  });

  describe('on an empty database', () => {
    let neo4j: EmbeddedNeo4j;
    const dataDir = path.join(PROJECT_ROOT, '.data', 'test', `cli-neo4j-${process.pid}`);
    beforeAll(async () => {
      neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), pageCache: '64m', heap: '512m' }, () => undefined);
    });
    afterAll(async () => {
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('export of every demo blueprint, import into an empty database, export again: identical files', async () => {
      const first = path.join(scratch, 'first');
      const second = path.join(scratch, 'second');
      expect((await runCli(['import', 'demo'], uri())).code).not.toBe(2);
      await runCli(['import', '--replace', 'demo'], uri());
      const demoKeys = fs.readdirSync(path.join(PROJECT, 'demo')).map((f) => f.replace(/\.yaml$/, ''));
      fs.mkdirSync(first);
      for (const key of demoKeys) {
        expect((await runCli(['export', key, '-o', path.join(first, `${key}.yaml`)], uri())).code).toBe(0);
      }
      const imported = await runCli(['import', first], neo4j.uri);
      expect(imported.stdout).toContain(`imported ${demoKeys.length}, replaced 0, rejected 0`);
      const exported = await runCli(['export', '--all', '-o', second], neo4j.uri);
      expect(exported.code).toBe(0);
      expect(fs.readdirSync(second).sort()).toEqual(fs.readdirSync(first).sort());
      for (const file of fs.readdirSync(first)) {
        expect(fs.readFileSync(path.join(second, file), 'utf8')).toBe(fs.readFileSync(path.join(first, file), 'utf8'));
      }
    });
  });
});
