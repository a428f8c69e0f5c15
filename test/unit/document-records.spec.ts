import fc from 'fast-check';
import { documentToBlueprint, documentToBlueprintOnDemand } from '../../src/blueprints/blueprint-assembly';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { applyPatch, fromRecords, isEmptyPatch, patchBetween, toRecords } from '../../src/history/document-records';
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

  it('answers an edit with the blueprint the document is, assembled when it is read', () => {
    fc.assert(
      fc.property(validDocument('org'), (document) => {
        const answer = documentToBlueprintOnDemand(document, 7, '2026-12-01T00:00:00.000Z');
        expect(answer.version).toBe(7);
        expect(answer).toEqual(documentToBlueprint(document, 7, '2026-12-01T00:00:00.000Z'));
      }),
      { numRuns: 100 },
    );
  });
});
