import { comparePaths, dependencyCycles, lintDocument } from '../../src/lint/lint-document';
import { exampleDocument } from '../helpers/fixtures';
import { LINT_EXAMPLE_FINDINGS, lintExample as document } from '../helpers/hand-worked';

/**
 * Each lint rule on a document worked by hand:
 *   step t1: c1 (customer) -> f1 (agent) -> b1 (unowned backstage) -> s1 (support, CRM),
 *            and s1 depends on b1, f1 and c1, all in lanes above it (three reverse dependencies),
 *            so c1, f1, b1 and s1 all reach each other: one cycle, reported at c1.
 *   step t2: f2 and s2 but no customer action; s2 is unowned and nothing depends on it.
 *   p1 at c1 (impact 3): c1 passes 3 to f1, f1 keeps 1.5 and passes 1.5 to b1, which keeps 0.75
 *      unattributed and passes the rest on to the owned s1: well under half unattributed.
 *   p3 at c3, a customer action with no dependencies and no owner: all of it unattributed.
 */

describe('lintDocument', () => {
  it('finds exactly what each rule says, at its path', () => {
    const findings = lintDocument(document());
    expect(findings.map(({ rule, severity, path }) => [rule, severity, path]).sort()).toEqual(LINT_EXAMPLE_FINDINGS);
    const cycle = findings.find((finding) => finding.rule === 'DEPENDENCY_CYCLE')!;
    // s1 depends on c1 and f1 too, so all four reach each other: one finding at the first, c1.
    expect(cycle.message).toContain('"c1", "f1", "b1", "s1"');
    expect(findings.find((finding) => finding.rule === 'UNATTRIBUTED_PAIN')!.message).toContain('100%');
    for (const finding of findings) expect(finding.message).toMatch(/: .*[a-z].*\.$/);
  });

  it('lists the findings in document order', () => {
    const paths = lintDocument(document()).map((finding) => finding.path);
    expect(paths).toEqual([...paths].sort(comparePaths));
    expect(paths[0]).toBe('document.stages[0].steps[0].actions[0]');
    expect(paths.indexOf('document.stages[0].steps[1]')).toBeGreaterThan(paths.indexOf(`document.stages[0].steps[0].actions[3].dependsOn[2]`));
    expect(comparePaths('document.stages[0].steps[0].actions[2]', 'document.stages[0].steps[0].actions[2].dependsOn[0]')).toBeLessThan(0);
    expect(comparePaths('document.painPoints[0]', 'document.stages[3].steps[0]')).toBeGreaterThan(0);
  });

  it('counts a pain point as unattributed only above half its impact', () => {
    const half = document();
    // p1 at f1's own step: c1 passes everything to f1, which keeps exactly half and passes half to the unowned b1;
    // with b1 no longer depending on anything, b1 keeps the other half: exactly half unattributed, no finding.
    half.stages[0].steps[0].actions[2].dependsOn = [];
    expect(lintDocument(half).filter((f) => f.rule === 'UNATTRIBUTED_PAIN').map((f) => f.path)).toEqual(['document.painPoints[1]']);
    const more = document();
    more.stages[0].steps[0].actions[2].dependsOn = [];
    more.stages[0].steps[0].actions[1].role = null;
    more.stages[0].steps[0].actions[1].department = null;
    more.stages[0].steps[0].actions[3].dependsOn = [];
    expect(lintDocument(more).filter((f) => f.rule === 'UNATTRIBUTED_PAIN').map((f) => f.path)).toEqual([
      'document.painPoints[0]',
      'document.painPoints[1]',
    ]);
  });

  it('finds separate cycles separately, and none in a chain', () => {
    const actions = ['a', 'b', 'c', 'd', 'e'].map((key, i) => ({ key, lane: 'BACKSTAGE', name: key, path: `${i}`, owned: true, dependsOn: [] as string[] }));
    const [a, b, c, d, e] = actions;
    a.dependsOn = ['b'];
    b.dependsOn = ['a', 'c'];
    c.dependsOn = ['d'];
    d.dependsOn = ['e'];
    e.dependsOn = ['d'];
    expect(dependencyCycles(actions as any).map((cycle) => cycle.map((action) => action.key))).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
    e.dependsOn = [];
    expect(dependencyCycles(actions as any).map((cycle) => cycle.map((action) => action.key))).toEqual([['a', 'b']]);
  });

  it('handles a chain of 5,000 actions without running out of stack', () => {
    const actions = Array.from({ length: 5000 }, (_, i) => ({ key: `a${i}`, lane: 'BACKSTAGE', name: `${i}`, path: `${i}`, owned: true, dependsOn: [`a${i + 1}`] }));
    actions[4999].dependsOn = ['a0'];
    expect(dependencyCycles(actions as any)).toHaveLength(1);
  });

  it('finds on the example blueprint what its authors left', () => {
    const findings = lintDocument(exampleDocument('bp'));
    expect(findings.every((finding) => finding.severity === 'INFO' || finding.severity === 'WARNING')).toBe(true);
    expect(findings.map((finding) => finding.rule)).not.toContain('DEPENDENCY_CYCLE');
  });
});
