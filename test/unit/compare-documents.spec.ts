import { anyDifference, compareDocuments } from '../../src/comparison/compare-documents';
import { exampleDocument } from '../helpers/fixtures';
import { repairChanges, repairCurrent as current, repairFuture as future } from '../helpers/hand-worked';

/**
 * The comparison of two documents against figures worked by hand (alpha 0.5, maxDepth 6).
 *
 * Current: c1 (customer) -> f1 (agent, Operations) -> b1 (CRM, IT); p1 at c1, severity 4.
 *   c1 passes 4 to f1; f1 keeps 2 for ops, passes 2 to b1, which keeps 2 for it.
 *   Handoffs: f1 -> b1 is ops -> it (c1 has no owner, so c1 -> f1 is none).
 * Future: f1 no longer depends on b1, b1 moved to a new step t2, a new customer action c2, p1 severity 5.
 *   c1 passes 5 to f1, which keeps all 5 for ops. it: 0. No handoff.
 */
describe('compareDocuments', () => {
  it('reports elements, dependencies, blame and handoffs that differ, as worked by hand', async () => {
    const comparison = await compareDocuments(current(), future());
    expect(comparison).toEqual(repairChanges());
    expect(anyDifference(comparison)).toBe(true);
  });

  it('reports removals the other way round, and names every differing field sorted', async () => {
    const before = current();
    const after = current();
    const f1 = after.stages[0].steps[0].actions[1];
    Object.assign(f1, { name: 'Picks up', channel: 'PHONE', role: null, department: 'ops' });
    after.stages[0].name = 'Reporting';
    after.painPoints = [];
    const comparison = await compareDocuments(before, after);
    expect(comparison.actions).toEqual([{ key: 'f1', change: 'CHANGED', fields: ['channel', 'department', 'name', 'role'] }]);
    expect(comparison.stages).toEqual([{ key: 's1', change: 'CHANGED', fields: ['name'] }]);
    expect(comparison.painPoints).toEqual([{ key: 'p1', change: 'REMOVED', fields: [] }]);
    expect(comparison.departments.map((row) => [row.department.key, row.before, row.after])).toEqual([
      ['it', 2, 0],
      ['ops', 2, 0],
    ]);
    expect(comparison.totalImpactAfter).toBe(0);
    // ops -> it still crosses f1 -> b1: f1's owner moved from the role to an explicit department of the same name.
    expect(comparison.handoffs).toEqual([]);
  });

  it('finds nothing between a document and itself, nor in list orders and defaults', async () => {
    const document = exampleDocument('bp');
    const same = exampleDocument('bp');
    for (const step of same.stages.flatMap((stage: any) => stage.steps)) step.evidence = step.evidence ? [...step.evidence].reverse() : [];
    for (const painPoint of same.painPoints) painPoint.frequency ??= 1;
    const comparison = await compareDocuments(document, same);
    expect(anyDifference(comparison)).toBe(false);
    expect(comparison.totalImpactBefore).toBe(comparison.totalImpactAfter);
  });
});
