import fc from 'fast-check';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { applyPatch, fromRecords, isEmptyPatch, keepReferencedEntries, partialPatch, patchBetween, toRecords, withoutSteps } from '../../src/history/document-records';
import { exampleDocument } from '../helpers/fixtures';
import { validDocument } from '../property/document-arbitrary';

/** The form the history stores documents in: records back to the same document, patches that rebuild any version. */
describe('document records and patches', () => {
  it('turns any canonical document into records and back unchanged', () => {
    fc.assert(
      fc.property(validDocument('org'), (document) => {
        const canonical = canonicalDocument(document);
        expect(fromRecords(toRecords(canonical))).toEqual(canonical);
      }),
      { numRuns: 200 },
    );
  });

  it('rebuilds one document from another by the patch between them, both ways', () => {
    fc.assert(
      fc.property(validDocument('org'), validDocument('org'), (a, b) => {
        const [from, to] = [toRecords(canonicalDocument(a)), toRecords(canonicalDocument(b))];
        expect(applyPatch(from, patchBetween(from, to))).toEqual(to);
        expect(applyPatch(to, patchBetween(to, from))).toEqual(from);
        expect(isEmptyPatch(patchBetween(from, from))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('patches only the records an edit touched', () => {
    const before = canonicalDocument(exampleDocument('bp'));
    const after = structuredClone(before);
    after.stages[2].steps[0].actions[1].name = "Renamed";
    const renamedKey = after.stages[2].steps[0].actions[1].key;
    after.stages[2].steps.reverse();
    const patch = patchBetween(toRecords(before), toRecords(after));
    expect(Object.keys(patch.set).sort()).toEqual([`action:${renamedKey}`, `stage:${after.stages[2].key}`]);
    expect(patch.unset).toEqual([]);
    const removed = structuredClone(before);
    removed.painPoints.pop();
    const removal = patchBetween(toRecords(before), toRecords(removed));
    expect(removal.unset).toEqual([`painPoint:${before.painPoints[before.painPoints.length - 1].key}`]);
    expect(Object.keys(removal.set)).toEqual(['painPoints']);
  });

  it('moves a version forward by an edit of part of it, keeping the organisation entries the rest may still reference', () => {
    const before = canonicalDocument(exampleDocument('partial'));
    const after = structuredClone(before);
    // The guard is the only action of its role: moved to another role, the role drops out of the document.
    const guard = after.stages.flatMap((s: any) => s.steps.flatMap((t: any) => t.actions)).find((a: any) => a.key === 'fs-guard');
    guard.role = 'hotline-agent';
    const edited = canonicalDocument(after);
    const [from, to] = [toRecords(before), toRecords(edited)];
    expect(from['role:security-guard']).toBeDefined();
    expect(to['role:security-guard']).toBeUndefined();
    const change = partialPatch(from, to);
    expect(change.unset).not.toContain('role:security-guard');
    expect(applyPatch(from, change)['role:security-guard']).toBeDefined();
    expect(keepReferencedEntries(applyPatch(from, change))).toEqual(to);
    expect(fromRecords(keepReferencedEntries(applyPatch(from, change)))).toEqual(edited);
  });

  it('leaves out the records of the steps an edit did not open, and nothing else', () => {
    const records = toRecords(canonicalDocument(exampleDocument('closed')));
    const without = withoutSteps(records, ['drop-off', 'no-such-step']);
    expect(Object.keys(records).filter((id) => !(id in without))).toEqual(['step:drop-off']);
  });
});
