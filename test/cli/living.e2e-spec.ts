import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { LINT_EXAMPLE_FINDINGS, lintExample, repairChanges, repairCurrent, repairFuture } from '../helpers/hand-worked';
import { runCli } from '../helpers/run-cli';
import { uniqueKey } from '../helpers/test-app';

/**
 * `blueprint history`, `diff` and `lint`, and `import --expected-version`,
 * run as a user runs them: exit codes, `file:line:column` locations, `--json`.
 * Files alone are checked offline (the Neo4j address given leads nowhere).
 */
describe('the blueprint command on living blueprints', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  const nowhere = 'bolt://127.0.0.1:1';
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-living-'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const write = (name: string, document: unknown) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, stringify(document));
    return file;
  };

  it('lint FILE: every finding at its line and column, exit 1 on a warning; --json gives the findings', async () => {
    const file = write('lint-example.yaml', lintExample());
    const run = await runCli(['lint', file], nowhere);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(LINT_EXAMPLE_FINDINGS.length);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ (WARNING|INFO) [A-Z_]+ \\S+: .+`));
    // The step without a customer action is the second step: line of its `key`.
    expect(lines).toContainEqual(expect.stringMatching(/:\d+:\d+ WARNING STEP_WITHOUT_CUSTOMER stages\[0\]\.steps\[1\]: Step "t2" has no CUSTOMER action/));
    expect(run.stderr).toContain('5 warnings, 4 info in 1 blueprint');

    const json = await runCli(['lint', '--json', file], nowhere);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).map(({ rule, severity, path }: any) => [rule, severity, path]).sort()).toEqual(LINT_EXAMPLE_FINDINGS);
  });

  it('lint FILE: only INFO findings exit 0; an invalid file shows its problems and exits 2, as trouble', async () => {
    const clean = repairCurrent();
    clean.stages[0].steps[0].actions[2].systems = [];
    clean.stages[0].steps[0].actions[2].role = 'agent';
    const file = write('clean.yaml', clean);
    const run = await runCli(['lint', file], nowhere);
    expect(run.stderr).toContain('0 warnings, 0 info in 1 blueprint');
    expect(run.code).toBe(0);

    const broken = write('broken.yaml', { ...clean, painPoints: [{ key: 'p', title: 'P', action: 'nowhere', severity: 9 }] });
    const refused = await runCli(['lint', broken], nowhere);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/broken\.yaml:\d+:\d+ painPoints\[0\]\.severity: must be an integer from 1 to 5/);
    expect(refused.stderr).toContain('is not a valid blueprint document');
  });

  it('diff FILE FILE: what changed, as worked by hand; exit 1, and 0 for a file and itself', async () => {
    const [before, after] = [write('current.yaml', repairCurrent()), write('future.yaml', repairFuture())];
    const run = await runCli(['diff', before, after], nowhere);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`--- ${before}\n+++ ${after}\n`);
    for (const line of ['~ blueprint: state', '+ step t2', '~ action b1: step', '+ action c2', '~ action f1: dependsOn', '~ pain point p1: severity', '- dependency f1 -> b1', '  ops -> it: 1 -> 0', 'total impact: 4.0000 -> 5.0000']) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stdout).toMatch(/it\s+2\.0000\s+0\.0000\s+-2\.0000/);

    const json = await runCli(['diff', '--json', before, after], nowhere);
    expect(JSON.parse(json.stdout)).toEqual({ from: before, to: after, fromVersion: null, toVersion: null, ...repairChanges() });

    const same = await runCli(['diff', before, before], nowhere);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no differences');
    const unknown = await runCli(['diff', before, 'Not A Key'], nowhere);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no such file, nor a blueprint key');
  });

  it('history, diff KEY@VERSION KEY, lint KEY and import --expected-version against the database', async () => {
    const p = `${uniqueKey('cli')}-`;
    const key = `${p}bp`;
    const current = write('stored-current.yaml', { ...repairCurrent(p), key });
    const future = write('stored-future.yaml', { ...repairFuture(p), key });
    expect((await runCli(['import', current], uri())).stdout).toContain(`(${key}, version 1)`);
    expect((await runCli(['import', '--replace', '--expected-version', '1', future], uri())).stdout).toContain(`(${key}, version 2)`);

    const history = await runCli(['history', '--json', key], uri());
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout).map((v: any) => [v.version, v.operation, v.author])).toEqual([
      [2, 'importBlueprint', null],
      [1, 'importBlueprint', null],
    ]);
    const table = await runCli(['history', key], uri());
    expect(table.stdout).toMatch(/version\s+at\s+operation\s+author/);
    expect(table.stdout).toMatch(/\s2\s+\d{4}-\d\d-\d\dT[\d:.]+Z\s+importBlueprint\s+-/);

    const diff = await runCli(['diff', '--json', `${key}@1`, key], uri());
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout)).toEqual({ from: key, to: key, fromVersion: 1, toVersion: 2, ...repairChanges(p) });
    const againstFile = await runCli(['diff', future, key], uri());
    expect(againstFile.code).toBe(0);

    // Made from version 1, but the blueprint is at 2: nothing is written, and what changed is shown.
    const stale = await runCli(['import', '--replace', '--expected-version', '1', current], uri());
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`is at version 2, not 1`);
    expect(stale.stdout).toContain('changed since version 1:');
    expect(stale.stdout).toContain('~ action b1: step');
    expect(JSON.parse((await runCli(['history', '--json', key], uri())).stdout)).toHaveLength(2);

    // The redesign left step t2 with no customer action.
    const lint = await runCli(['lint', key], uri());
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${key} WARNING STEP_WITHOUT_CUSTOMER stages[0].steps[1]: `);
    expect(lint.stdout).toContain(`${key} INFO UNUSED_BACKSTAGE stages[0].steps[1].actions[0]`);
    // Trouble is exit 2 for diff and lint, which answer with 1.
    const gone = await runCli(['diff', `${key}@9`, key], uri());
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('has no kept version 9');
    expect((await runCli(['lint', uniqueKey('none')], uri())).code).toBe(2);
    const missing = await runCli(['history', uniqueKey('none')], uri());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No blueprint has the key');
  });
});
