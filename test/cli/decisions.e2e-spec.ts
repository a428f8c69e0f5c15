import { exampleDocument, loadJson } from '../helpers/fixtures';
import { IMPORT_KEY } from '../helpers/queries';
import { runCli } from '../helpers/run-cli';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';

/** `blueprint blame`, `what-if` and `dependents`, run as a user runs them, with the API's figures. */
describe('the blueprint command on decisions', () => {
  const uri = () => process.env.TEST_NEO4J_URI!;
  const EXPECTED = loadJson('after-sales-repair.decisions.expected.json');
  let api: TestApp;
  const key = uniqueKey('cli-decisions');
  beforeAll(async () => {
    api = await startTestApp();
    await dataOf(api, IMPORT_KEY, { document: exampleDocument(key), mode: 'CREATE' });
  });
  afterAll(() => api.close());

  it('blame --level system: the API figures as a table and as JSON', async () => {
    const json = await runCli(['blame', '--level', 'system', '--blueprint', key, '--format', 'json'], uri());
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    const expected = EXPECTED.blame.SYSTEM;
    expect(report.entries.map((e: any) => e.key)).toEqual(expected.entries.map((e: any) => e.key));
    report.entries.forEach((e: any, i: number) => expect(e.score).toBeCloseTo(expected.entries[i].score, 9));
    const table = await runCli(['blame', '--level', 'system', '--blueprint', key, '--url', api.url], 'bolt://127.0.0.1:1');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`${expected.painPointCount} pain points, total impact ${expected.totalImpact.toFixed(4)}`);
    expect(table.stdout).toMatch(new RegExp(`\\n\\s+1\\s+${expected.entries[0].key}\\s`));
    const steps = await runCli(['blame', '--level', 'step', '--blueprint', key, '--format', 'csv'], uri());
    expect(steps.stdout.split('\n')[0]).toBe('rank,blueprint,step,name,score,share,pain points');
  });

  it('what-if --fix ... gives the independent figures; a fix without its blueprint is refused', async () => {
    const run = await runCli(
      ['what-if', '--fix', 'department:customer-service', '--fix', `step:${key}/search-help`, '--blueprint', key, '--format', 'json'],
      uri(),
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const expected = EXPECTED.whatIf[1];
    expect(report.removedImpact).toBeCloseTo(expected.removedImpact, 9);
    expect(report.resolvedPainPoints).toBe(expected.resolvedPainPoints);
    const table = await runCli(['what-if', '--fix', 'system:crm', '--blueprint', key], uri());
    expect(table.stdout).toContain(`removes ${EXPECTED.whatIf[0].removedImpact.toFixed(4)} of ${EXPECTED.whatIf[0].totalImpact.toFixed(4)}`);
    const bad = await runCli(['what-if', '--fix', 'action:fs-agent'], uri());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('action:BLUEPRINT/KEY');
  });

  it('opportunities: ranked, with their computed value', async () => {
    const opp = uniqueKey('cli-opp');
    await dataOf(api, 'mutation($input: OpportunityInput!) { upsertOpportunity(input: $input) { key } }', {
      input: { key: opp, title: 'Fix the CRM', effort: 1, fixes: [{ level: 'SYSTEM', key: 'crm' }] },
    });
    const run = await runCli(['opportunities', '--format', 'json'], uri());
    expect(run.code).toBe(0);
    const row = JSON.parse(run.stdout).find((o: any) => o.key === opp);
    const { whatIf } = await dataOf(api, '{ whatIf(fixes: [{ level: SYSTEM, key: "crm" }]) { removedImpact } }');
    expect(row.removedImpact).toBeCloseTo(whatIf.removedImpact, 9);
    const table = await runCli(['opportunities'], uri());
    expect(table.stdout).toMatch(new RegExp(`${opp}\\s+Fix the CRM\\s+IDEA\\s+-\\s+1\\s+${whatIf.removedImpact.toFixed(4)}`));
    await dataOf(api, 'mutation($key: String!) { deleteOpportunity(key: $key) }', { key: opp });
  });

  it('dependents system:crm lists what relies on it', async () => {
    const run = await runCli(['dependents', 'system:crm', '--blueprint', key, '--format', 'json'], uri());
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    const expected = EXPECTED.dependents[0];
    expect(answer.actions.map((a: any) => [a.distance, a.action.key])).toEqual(expected.actions.map((a: any) => [a.distance, a.key]));
    const table = await runCli(['dependents', 'system:crm', '--blueprint', key], uri());
    expect(table.stdout).toContain(`customer actions: ${expected.customerActions}`);
    expect(table.stdout).toContain(`departments relying on it: ${expected.departments.join(', ')}`);
  });
});
