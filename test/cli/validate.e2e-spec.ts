import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { IMPORT_KEY } from '../helpers/queries';
import { runCli } from '../helpers/run-cli';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * `blueprint validate` as a user runs it on the files of a repository: a
 * syntax slip is one problem at its place with what to do; an entry a file
 * references without defining it is a warning offline, and with --url a
 * problem when the server does not have it either.
 */
describe('blueprint validate', () => {
  const nowhere = 'bolt://127.0.0.1:1';
  let scratch: string;
  let api: TestApp;
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-validate-'));
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('an indentation slip is one problem line, at the slipped line and column, in plain words; exit 1', async () => {
    const file = write(
      'slipped.yaml',
      [
        'key: slipped',
        'name: Slipped',
        'stages:',
        '  - key: only',
        '    name: Only',
        '     steps:',
        '      - key: step',
        '        name: Step',
        '        actions: []',
        '',
      ].join('\n'),
    );
    const run = await runCli(['validate', file], nowhere);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([`${file}:6:6 (syntax): the indentation is off: align this line with its sibling keys above`]);
    expect(run.stderr).toContain('1 of 1 file invalid');
  });

  /** A file that defines a role and the department of one system, and leaves the rest to the organisation. */
  const referencing = (p: string, key: string) =>
    [
      `key: ${key}`,
      'name: Referencing',
      'departments:',
      `  - { key: ${p}service, name: Service }`,
      'roles:',
      `  - { key: ${p}hotline-agent, name: Hotline agent, department: ${p}service }`,
      'stages:',
      '  - key: only',
      '    name: Only',
      '    steps:',
      '      - key: step',
      '        name: Step',
      '        actions:',
      '          - { key: ca-call, lane: CUSTOMER, name: Calls }',
      `          - { key: fs-answer, lane: FRONTSTAGE, name: Answers, role: ${p}hotline-agnet, systems: [${p}crm] }`,
      `          - { key: bs-look, lane: BACKSTAGE, name: Looks it up, department: ${p}it, systems: [${p}crm] }`,
      '',
    ].join('\n');

  /** `file:line:column` of the first `text` on a line of the file. */
  const at = (file: string, line: number, text: string) => `${file}:${line}:${fs.readFileSync(file, 'utf8').split('\n')[line - 1].indexOf(text) + 1}`;

  it('offline: an entry referenced but not defined is a warning, once, at its first reference; warnings alone exit 0', async () => {
    const p = `${uniqueKey('val')}-`;
    const file = write('referencing.yaml', referencing(p, 'referencing'));
    const run = await runCli(['validate', file], nowhere);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${at(file, 15, `${p}hotline-agnet`)}: warning: role "${p}hotline-agnet" is not defined in this file; it must exist on the server (check with --url) (did you mean "${p}hotline-agent"?)`,
      `${at(file, 15, `${p}crm`)}: warning: system "${p}crm" is not defined in this file; it must exist on the server (check with --url)`,
      `${at(file, 16, `${p}it`)}: warning: department "${p}it" is not defined in this file; it must exist on the server (check with --url)`,
      '1 file valid, 3 warnings',
    ]);
    expect(run.code).toBe(0);
  });

  it("--url: each reference to an entry the server lacks too is a problem, with the server's nearest key; its keys read once per run", async () => {
    const p = `${uniqueKey('val')}-`;
    // The organisation on the server: a department, a role and a system that other blueprints brought.
    const elsewhere = {
      key: `${p}elsewhere`,
      name: 'Elsewhere',
      departments: [{ key: `${p}it`, name: 'IT' }],
      roles: [{ key: `${p}agent`, name: 'Agent', department: `${p}it` }],
      systems: [{ key: `${p}crm`, name: 'CRM', department: `${p}it` }],
      stages: [{ key: 's', name: 'S', steps: [{ key: 't', name: 'T', actions: [{ key: 'a', lane: 'BACKSTAGE', name: 'A', role: `${p}agent`, systems: [`${p}crm`] }] }] }],
    };
    await dataOf(api, IMPORT_KEY, { document: elsewhere, mode: 'CREATE' });

    const file = write('against-server.yaml', referencing(p, 'against-server'));
    const run = await runCli(['validate', '--url', api.url, file], nowhere);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${at(file, 15, `${p}hotline-agnet`)} stages[0].steps[0].actions[1].role: names no role of the document or the organisation: "${p}hotline-agnet" (did you mean "${p}hotline-agent"?)`,
    ]);
    expect(run.stderr).toContain('1 of 1 file invalid');
    expect(run.code).toBe(1);
    // The server's import says the same.
    const imported = await runCli(['import', '--url', api.url, file], nowhere);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain(run.stdout.trim());

    const fine = write('fine.yaml', referencing(p, 'fine').replace(`role: ${p}hotline-agnet`, `role: ${p}agent`));
    const typo = write('typo.yaml', referencing(p, 'typo').replace(`department: ${p}it,`, `department: ${p}itt,`).replace(`role: ${p}hotline-agnet`, `role: ${p}agent`));
    const before = api.queryCount();
    const one = await runCli(['validate', '--url', api.url, fine], nowhere);
    expect(one.stdout.trim()).toBe('1 file valid');
    expect(one.code).toBe(0);
    const perRun = api.queryCount() - before;
    expect(perRun).toBeGreaterThan(0);
    const three = await runCli(['validate', '--url', api.url, fine, typo, fine], nowhere);
    expect(api.queryCount() - before).toBe(2 * perRun);
    expect(three.stdout.trim().split('\n')).toEqual([
      `${at(typo, 16, `${p}itt`)} stages[0].steps[0].actions[2].department: names no department of the document or the organisation: "${p}itt" (did you mean "${p}it"?)`,
    ]);
    expect(three.code).toBe(1);
  });

  it('--url with the API key of BLUEPRINT_API_KEY, as the other commands', async () => {
    const made = await runCli(['api-key', '--role', 'viewer', '--label', 'ci'], nowhere);
    const [, key] = /^key: +(\S+)$/m.exec(made.stdout)!;
    const [, line] = /^line: +(.+)$/m.exec(made.stdout)!;
    const keysFile = write('api-keys', `${line}\n`);
    const { security, logging } = loadConfig({ API_KEYS_FILE: keysFile });
    const guarded = await startTestApp({ serving: { security, logging } });
    try {
      const p = `${uniqueKey('val')}-`;
      const file = write('guarded.yaml', referencing(p, 'guarded'));
      const refused = await runCli(['validate', '--url', guarded.url, file], nowhere);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/UNAUTHENTICATED|API key is required/);
      const checked = await runCli(['validate', '--url', guarded.url, file], nowhere, undefined, { BLUEPRINT_API_KEY: key });
      expect(checked.stdout).toContain(`names no system of the document or the organisation: "${p}crm"`);
      expect(checked.code).toBe(1);
    } finally {
      await guarded.close();
    }
  });
});
