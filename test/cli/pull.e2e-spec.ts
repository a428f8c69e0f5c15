import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { lineChanges } from '../helpers/line-changes';
import { runCli } from '../helpers/run-cli';
import { TestApp, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * `blueprint pull KEY FILE` as a designer runs it on a file kept in git:
 * the server's version written into the file, and git shows only what the
 * blueprint changed.
 */
describe('blueprint pull', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  const nowhere = 'bolt://127.0.0.1:1';
  let api: TestApp;
  let scratch: string;
  beforeAll(async () => {
    api = await startTestApp();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-pull-'));
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** A file as a person keeps it: comments, fields in an order of their own, departments unsorted, defaults left out. */
  const handWritten = (key: string, p: string) => `# Returns, as the service team keeps them.
name: Returns   # the name on the map
key: ${key}

departments:
  - { key: ${p}shop, name: Shop }
  - { key: ${p}depot, name: Depot }

stages:
  # The customer's side first.
  - name: Send back
    key: send-back
    steps:
      - name: Registers the return
        key: register
        evidence: [Return label]
        actions:
          - { key: ca-register, lane: CUSTOMER, name: Fills in the form, emotion: -1, dependsOn: [fs-form] }
          - { key: fs-form, lane: FRONTSTAGE, name: Return form, department: ${p}shop }
          - key: bs-check   # by hand, for now
            lane: BACKSTAGE
            name: Checks the window
            department: ${p}depot

painPoints:
  - key: slow-refund
    title: The refund takes weeks
    severity: 3
    action: ca-register
    causes: [bs-check]
`;

  const write = (name: string, text: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('an unchanged blueprint leaves the file byte for byte; a change on the server changes its lines alone', async () => {
    const p = `${uniqueKey('pull')}-`;
    const key = `${p}returns`;
    const text = handWritten(key, p);
    const file = write('returns.yaml', text);
    expect((await runCli(['import', file], uri())).code).toBe(0);

    const unchanged = await runCli(['pull', key, file], uri());
    expect(unchanged.stdout.trim()).toBe(`${file} is up to date (${key}, version 1)`);
    expect(unchanged.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);

    // Someone else changes the blueprint on the server: a new name, a severity, an action more.
    const changed = parse(text);
    changed.stages[0].steps[0].actions[1].name = 'Return form, with the label';
    changed.painPoints[0].severity = 4;
    changed.stages[0].steps[0].actions.push({ key: 'sp-label', lane: 'SUPPORT', name: 'Label service', department: `${p}depot` });
    changed.stages[0].steps[0].actions[2].dependsOn = ['sp-label'];
    const copy = write('elsewhere.yaml', stringify(changed));
    expect((await runCli(['import', '--replace', '--url', api.url, copy], nowhere)).code).toBe(0);

    const pulled = await runCli(['pull', key, file, '--url', api.url], nowhere);
    expect(pulled.stdout.trim()).toBe(`updated ${file} (${key}, version 2)`);
    expect(pulled.code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(lineChanges(text, after)).toEqual({
      removed: [`          - { key: fs-form, lane: FRONTSTAGE, name: Return form, department: ${p}shop }`, '    severity: 3'],
      added: [
        `          - { key: fs-form, lane: FRONTSTAGE, name: "Return form, with the label", department: ${p}shop }`,
        '            dependsOn: [sp-label]',
        `          - { key: sp-label, lane: SUPPORT, name: Label service, department: ${p}depot }`,
        '    severity: 4',
      ],
    });
    // Comments and the file's order of fields stay.
    expect(after.startsWith(`# Returns, as the service team keeps them.\nname: Returns   # the name on the map\nkey: ${key}\n`)).toBe(true);
    expect(after).toContain('  # The customer\'s side first.\n  - name: Send back\n    key: send-back\n');
    expect(after).toContain('          - key: bs-check   # by hand, for now\n');

    const again = await runCli(['pull', key, file], uri());
    expect(again.stdout.trim()).toBe(`${file} is up to date (${key}, version 2)`);
    expect(fs.readFileSync(file, 'utf8')).toBe(after);
  });

  it('a JSON file, or one that is not there, is written as export writes it', async () => {
    const p = `${uniqueKey('pull')}-`;
    const key = `${p}returns`;
    expect((await runCli(['import', write('json-source.yaml', handWritten(key, p))], uri())).code).toBe(0);
    const exported = (format: string) => runCli(['export', key, '--format', format], uri()).then((run) => run.stdout);

    const json = path.join(scratch, 'returns.json');
    const wrote = await runCli(['pull', key, json, '--url', api.url], nowhere);
    expect(wrote.stdout.trim()).toBe(`wrote ${json} (${key}, version 1)`);
    expect(fs.readFileSync(json, 'utf8')).toBe(await exported('json'));
    const yamlFile = path.join(scratch, 'new.yaml');
    expect((await runCli(['pull', key, yamlFile], uri())).code).toBe(0);
    expect(fs.readFileSync(yamlFile, 'utf8')).toBe(await exported('yaml'));

    const document = JSON.parse(fs.readFileSync(json, 'utf8'));
    document.name = 'Returns and refunds';
    expect((await runCli(['import', '--replace', write('json-changed.yaml', stringify(document))], uri())).code).toBe(0);
    expect((await runCli(['pull', key, json], uri())).stdout.trim()).toBe(`updated ${json} (${key}, version 2)`);
    expect(fs.readFileSync(json, 'utf8')).toBe(await exported('json'));
  });

  it('leaves a file with a syntax error alone, and one for a key the server does not have; exit 1', async () => {
    const broken = write('broken.yaml', 'key: broken\nname: "unclosed\n');
    const refused = await runCli(['pull', 'anything', broken], nowhere);
    expect(refused.code).toBe(1);
    expect(refused.stdout.trim()).toBe(`${broken}:2:7 (syntax): the " opened here is never closed: end the text with "`);
    expect(refused.stderr).toContain(`${broken} was left as it is`);
    expect(fs.readFileSync(broken, 'utf8')).toBe('key: broken\nname: "unclosed\n');

    const text = handWritten('nowhere-to-be-found', 'x-');
    const file = write('missing.yaml', text);
    const missing = await runCli(['pull', uniqueKey('none'), file, '--url', api.url], nowhere);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No blueprint has the key');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});
