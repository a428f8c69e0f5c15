import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { parse as parseCsv } from '../helpers/csv';
import { lintExample, repairCurrent, repairFuture } from '../helpers/hand-worked';
import { runCli } from '../helpers/run-cli';
import { uniqueKey } from '../helpers/test-app';

/**
 * `--format csv` of history, lint and diff, read back as a spreadsheet reads
 * it: the same rows as their JSON, one cell for each column.
 */
describe('history, lint and diff as CSV', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  const nowhere = 'bolt://127.0.0.1:1';
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-listings-'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const write = (name: string, document: unknown) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, stringify(document));
    return file;
  };
  const csvOf = async (args: string[], neo4j: string, code = 0) => {
    const run = await runCli(args, neo4j);
    expect(run.code).toBe(code);
    const rows = parseCsv(run.stdout.trimEnd());
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    return rows;
  };

  it('history: version, at, operation and author of each kept version, as its JSON', async () => {
    const p = `${uniqueKey('csv')}-`;
    const key = `${p}bp`;
    expect((await runCli(['import', write('history-current.yaml', { ...repairCurrent(p), key })], uri())).code).toBe(0);
    expect((await runCli(['import', '--replace', write('history-future.yaml', { ...repairFuture(p), key })], uri())).code).toBe(0);
    const versions = JSON.parse((await runCli(['history', key, '--format', 'json'], uri())).stdout);
    const rows = await csvOf(['history', key, '--format', 'csv'], uri());
    expect(rows[0]).toEqual(['version', 'at', 'operation', 'author']);
    expect(rows.slice(1)).toEqual(versions.map((v: any) => [String(v.version), v.at, v.operation, v.author ?? '']));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['2', '1']);

    // A stored blueprint's lint findings have no place in a file: empty line and column.
    const lint = await csvOf(['lint', key, '--format', 'csv'], uri(), 1);
    expect(lint.slice(1)).toContainEqual([key, '', '', 'WARNING', 'STEP_WITHOUT_CUSTOMER', 'stages[0].steps[1]', expect.stringContaining('t2')]);
  });

  it("lint: a row for each finding, at its line and column, with the message's commas kept in its cell", async () => {
    const file = write('lint-example.yaml', lintExample());
    const findings = JSON.parse((await runCli(['lint', file, '--format', 'json'], nowhere)).stdout);
    const table = (await runCli(['lint', file], nowhere)).stdout.trim().split('\n');
    const rows = await csvOf(['lint', file, '--format', 'csv'], nowhere, 1);
    expect(rows[0]).toEqual(['target', 'line', 'column', 'severity', 'rule', 'path', 'message']);
    expect(rows.slice(1)).toHaveLength(findings.length);
    // The same findings in the same order as the lines a person reads.
    expect(rows.slice(1).map(([target, line, column, severity, rule, place, message]) => `${target}:${line}:${column} ${severity} ${rule} ${place}: ${message}`)).toEqual(table);
    expect(rows.slice(1).map((row) => [row[4], row[3], `document.${row[5]}`]).sort()).toEqual(
      findings.map((f: any) => [f.rule, f.severity, f.path]).sort(),
    );
  });

  it('diff: a row for each change of the blueprint, then the blame, handoffs and total impact unrounded', async () => {
    const [before, after] = [write('current.yaml', repairCurrent()), write('future.yaml', repairFuture())];
    const rows = await csvOf(['diff', before, after, '--format', 'csv'], nowhere, 1);
    expect(rows).toEqual([
      ['change', 'element', 'key', 'fields', 'before', 'after'],
      ['CHANGED', 'blueprint', '', 'state', '', ''],
      ['ADDED', 'step', 't2', '', '', ''],
      ['CHANGED', 'action', 'b1', 'step', '', ''],
      ['ADDED', 'action', 'c2', '', '', ''],
      ['CHANGED', 'action', 'f1', 'dependsOn', '', ''],
      ['CHANGED', 'pain point', 'p1', 'severity', '', ''],
      ['REMOVED', 'dependency', 'f1 -> b1', '', '', ''],
      ['CHANGED', 'department blame', 'it', '', '2', '0'],
      ['CHANGED', 'department blame', 'ops', '', '2', '5'],
      ['CHANGED', 'handoffs', 'ops -> it', '', '1', '0'],
      ['CHANGED', 'total impact', '', '', '4', '5'],
    ]);
    const same = await csvOf(['diff', before, before, '--format', 'csv'], nowhere, 0);
    expect(same).toEqual([['change', 'element', 'key', 'fields', 'before', 'after']]);
  });
});
