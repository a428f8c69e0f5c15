import fc from 'fast-check';
import { checkDocument } from '../../src/blueprints/document-validation';
import { documentToRows } from '../../src/blueprints/document-rows';
import { checkEditedDocument } from '../../src/editing/edit-check';
import { addAction, moveAction, removeAction, renameStage } from '../../src/editing/document-edits';
import { rowChanges } from '../../src/editing/row-changes';
import { repairCurrent } from '../helpers/hand-worked';
import { mutations, validDocument } from '../property/document-arbitrary';

/** An edit checks and writes what it changed: the same problems as a whole check, the rows that differ. */

const sorted = (problems: { path: string; message: string }[]) => problems.map((p) => `${p.path} ${p.message}`).sort();
const checked = (raw: unknown) => {
  const { document, problems } = checkDocument(raw);
  expect(problems).toEqual([]);
  return structuredClone(document!);
};

describe('the check of an edited document', () => {
  it('finds what the whole check finds, for every way of breaking a valid document', () => {
    fc.assert(
      fc.property(validDocument('org'), (generated) => {
        const before = checked({ ...generated, key: 'bp' });
        for (const change of mutations(before, 'no-such-key')) {
          const after = structuredClone(before);
          change.apply(after);
          const whole = checkDocument(structuredClone(after));
          const edited = checkEditedDocument(before, after);
          expect([change.kind, sorted(edited.problems)]).toEqual([change.kind, sorted(whole.problems)]);
          expect(edited.externalReferences).toEqual(whole.externalReferences);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the rows an edit writes', () => {
  const base = () => checked(repairCurrent('o-'));
  const changesOf = (edit: (doc: any) => void) => {
    const before = base();
    const after = structuredClone(before);
    edit(after);
    return rowChanges(documentToRows(before), documentToRows(after));
  };
  const keys = (rows: { key: string }[]) => rows.map((row) => row.key);

  it('are the renamed stage alone', () => {
    const changes = changesOf((doc) => renameStage(doc, 's1', 'Reporting'));
    expect([keys(changes.rows.stages), keys(changes.rows.steps), keys(changes.rows.actions)]).toEqual([['s1'], [], []]);
    expect(changes.rewritten.stages).toEqual(['s1']);
  });

  it('are a new action at the end of its step alone, with its references', () => {
    const changes = changesOf((doc) => addAction(doc, 't1', { key: 'b2', lane: 'BACKSTAGE' as never, name: 'Logs', systems: ['o-crm'], dependsOn: ['b1'] }));
    expect(keys(changes.rows.actions)).toEqual(['b2']);
    expect(changes.rows.actionSystems).toEqual([{ action: 'b2', systems: ['o-crm'] }]);
    expect(changes.rows.dependencies).toEqual([{ from: 'b2', to: ['b1'] }]);
    expect(changes.rewritten.actions).toEqual([]);
  });

  it('are, for a removed action, its removal and the actions whose dependencies lose it', () => {
    const changes = changesOf((doc) => removeAction(doc, 'b1'));
    expect(changes.removed.actions).toEqual(['b1']);
    expect(keys(changes.rows.actions)).toEqual(['f1']);
    expect(changes.rows.dependencies).toEqual([]);
  });

  it('are, for a moved action, the action and the siblings whose place in their step changed', () => {
    const changes = changesOf((doc) => moveAction(doc, 'c1', 't1', 2));
    expect(keys(changes.rows.actions).sort()).toEqual(['b1', 'c1', 'f1']);
    const none = changesOf((doc) => moveAction(doc, 'b1', 't1', 2));
    expect(keys(none.rows.actions)).toEqual([]);
  });
});
