import { spawnSync } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { AddressInfo, Socket } from 'node:net';
import { parse as parseCsv } from '../helpers/csv';
import { exampleDocument } from '../helpers/fixtures';
import { IMPORT_KEY } from '../helpers/queries';
import { PROJECT, runCli } from '../helpers/run-cli';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/**
 * The command line for the whole job, run as a user runs it: a pain point's
 * trace, root causes and dependencies narrowed by state, pain point and
 * department, CSV a spreadsheet reads, and a server that does not answer
 * given up on with a message that says what to do.
 */

const TRACE = `query($b: String!, $p: String!) { painPointTrace(blueprintKey: $b, painPointKey: $p) {
  painPoint { key blueprintKey title } impact unattributed nodes { action { key name lane } depth received kept departments { key name } } } }`;

describe('the blueprint command, every day', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  let api: TestApp;
  let key: string;
  let future: string;
  beforeAll(async () => {
    api = await startTestApp();
    key = uniqueKey('cli-every');
    future = uniqueKey('cli-future');
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
    await dataOf(api, IMPORT_KEY, { document: { ...exampleDocument(future), state: 'FUTURE' }, mode: 'CREATE' });
  });
  afterAll(() => api.close());

  it('trace: a pain point’s trace as a table, JSON and CSV, the API’s figures', async () => {
    const { painPointTrace } = await dataOf(api, TRACE, { b: key, p: 'part-wait' });
    const json = await runCli(['trace', key, 'part-wait', '--json'], uri());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(painPointTrace);

    const table = await runCli(['trace', key, 'part-wait'], uri());
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Three weeks waiting for a part (${key}/part-wait): impact 2.5000, unattributed 0.0000`);
    expect(lines[2]).toMatch(/^depth\s+action\s+name\s+lane\s+received\s+kept\s+departments$/);
    expect(lines.slice(4)).toHaveLength(painPointTrace.nodes.length);

    const csv = parseCsv((await runCli(['trace', key, 'part-wait', '--format', 'csv'], uri())).stdout);
    expect(csv[0]).toEqual(['depth', 'action', 'name', 'lane', 'received', 'kept', 'departments']);
    expect(csv.slice(1).map((row) => [row[1], Number(row[4]), Number(row[5])])).toEqual(
      painPointTrace.nodes.map((n: any) => [n.action.key, n.received, n.kept]),
    );

    const missing = await runCli(['trace', key, 'no-such-pain'], uri());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Blueprint "${key}" has no pain point "no-such-pain"`);
  });

  it('root-causes --chains: the chains that carried most blame, as the API gives them, as JSON, a table and CSV', async () => {
    const CHAINS = `query($b: String) { rootCauses(blueprintKey: $b) { departments { department { key } contributions { painPoint { key } chains(limit: 2) { mass actions { key } } } } } }`;
    const { rootCauses } = await dataOf(api, CHAINS, { b: key });
    const expected = rootCauses.departments.flatMap((d: any) =>
      d.contributions.flatMap((c: any) => c.chains.map((chain: any) => [d.department.key, `${key}/${c.painPoint.key}`, chain.mass, chain.actions.map((a: any) => a.key).join(' > ')])),
    );
    expect(expected.length).toBeGreaterThan(2);
    for (const where of [[], ['--url', api.url]]) {
      const json = JSON.parse((await runCli(['root-causes', '--blueprint', key, '--chains', '2', '--format', 'json', ...where], uri())).stdout);
      expect(json.departments.map((d: any) => d.contributions.map((c: any) => c.chains.map((chain: any) => chain.actions.map((a: any) => a.key))))).toEqual(
        rootCauses.departments.map((d: any) => d.contributions.map((c: any) => c.chains.map((chain: any) => chain.actions.map((a: any) => a.key)))),
      );
      const csv = parseCsv((await runCli(['root-causes', '--blueprint', key, '--chains', '2', '--format', 'csv', ...where], uri())).stdout);
      expect(csv[0]).toEqual(['rank', 'department', 'pain point', 'mass', 'chain']);
      expect(csv.slice(1).map((row) => [row[1], row[2], Number(row[3]), row[4]])).toEqual(expected);
    }
    const table = await runCli(['root-causes', '--blueprint', key, '--chains', '2'], uri());
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe(`${expected.length} chains, from the entry action to the department's action`);
    expect(table.stdout).toContain(expected[0][3]);
    const tooMany = await runCli(['root-causes', '--chains', '101'], uri());
    expect([tooMany.code, tooMany.stderr]).toEqual([2, expect.stringContaining('--chains must be from 0 to 100')]);
  });

  it('root-causes: --state and --pain-point narrow it as the API does', async () => {
    const ROOTS = 'query($s: [BlueprintState!], $b: String, $p: [String!]) { rootCauses(states: $s, blueprintKey: $b, painPointKeys: $p) { totalImpact departments { department { key } score } } }';
    const { rootCauses: futures } = await dataOf(api, ROOTS, { s: ['FUTURE'] });
    const run = await runCli(['root-causes', '--state', 'FUTURE', '--format', 'json'], uri());
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.totalImpact).toBeCloseTo(futures.totalImpact, 9);
    expect(report.departments.map((d: any) => d.department.key)).toEqual(futures.departments.map((d: any) => d.department.key));

    const both = JSON.parse((await runCli(['root-causes', '--state', 'FUTURE', '--state', 'CURRENT', '--blueprint', future, '--format', 'json'], uri())).stdout);
    expect(both.totalImpact).toBeCloseTo(5.9, 9);

    const one = JSON.parse((await runCli(['root-causes', '--blueprint', key, '--pain-point', 'part-wait', '--pain-point', 'guard-rude', '--format', 'json'], uri())).stdout);
    expect(one.painPointCount).toBe(2);
    expect(one.totalImpact).toBeCloseTo(2.5 + 0.6, 9);

    const alone = await runCli(['root-causes', '--pain-point', 'part-wait'], uri());
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--pain-point needs --blueprint');
    const wrong = await runCli(['root-causes', '--state', 'PAST'], uri());
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('CURRENT, FUTURE, DAY_IN_LIFE');
  });

  it('dependencies: --from and --to keep the handoffs between two departments, as CSV', async () => {
    const all = parseCsv((await runCli(['dependencies', '--blueprint', key, '--format', 'csv'], uri())).stdout);
    expect(all.length).toBeGreaterThan(2);
    const [header, first] = all;
    const from = parseCsv((await runCli(['dependencies', '--blueprint', key, '--from', first[0], '--format', 'csv'], uri())).stdout);
    expect(from[0]).toEqual(header);
    expect(from.slice(1)).toEqual(all.slice(1).filter((row) => row[0] === first[0]));
    const pair = parseCsv((await runCli(['dependencies', '--blueprint', key, '--from', first[0], '--to', first[1], '--format', 'csv'], uri())).stdout);
    expect(pair.slice(1)).toEqual([first]);
  });

  it('gives up on a server that does not answer, after --timeout, saying what that means', async () => {
    const sockets = new Set<Socket>();
    const silent = http.createServer(() => undefined);
    silent.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const started = Date.now();
      const run = await runCli(['root-causes', '--url', url, '--timeout', '1'], 'bolt://127.0.0.1:1');
      expect(run.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(run.stderr).toContain(`${url}/graphql did not answer within 1 s (--timeout SECONDS to wait longer)`);
      expect(run.stderr).toContain('A read changed nothing');
      const bad = await runCli(['root-causes', '--timeout', '0'], 'bolt://127.0.0.1:1');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('expected a number above 0 for --timeout');
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('answers --help without loading the product: no GraphQL, no document rules, no database driver', () => {
    // Which packages a run of `blueprint --help` loads (what made it take 1.5 s): none of the heavy ones.
    const probe = `
      const Module = require('module');
      const load = Module._load;
      const loaded = new Set();
      Module._load = function (request, parent) {
        const file = Module._resolveFilename(request, parent);
        const at = file.lastIndexOf('node_modules/');
        if (at >= 0) loaded.add(file.slice(at + 13).split('/').slice(0, file.slice(at + 13).startsWith('@') ? 2 : 1).join('/'));
        return load.apply(this, arguments);
      };
      process.stdout.write = () => true;
      require(${JSON.stringify(path.join(PROJECT, 'dist', 'cli', 'main'))}).run(['node', 'blueprint', '--help']).then(() => process.stderr.write(JSON.stringify([...loaded])));`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    const loaded: string[] = JSON.parse(run.stderr);
    expect(loaded).toContain('commander');
    expect(loaded.filter((name) => ['@nestjs/core', '@nestjs/graphql', 'graphql', 'class-validator', 'class-transformer', 'neo4j-driver'].includes(name))).toEqual([]);
  });

  it('writes CSV that a spreadsheet reads back: commas and quotes in names stay in their cell', async () => {
    const odd = uniqueKey('cli-csv');
    const document = exampleDocument(odd);
    document.stages[0].steps[0].actions[0].name = 'Searches, "finds" nothing';
    await dataOf(api, IMPORT_KEY, { document, mode: 'CREATE' });
    const rows = parseCsv((await runCli(['trace', odd, 'help-hidden', '--format', 'csv'], uri())).stdout);
    expect(rows.find((row) => row[1] === 'ca-search-help')![2]).toBe('Searches, "finds" nothing');
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
  });
});
