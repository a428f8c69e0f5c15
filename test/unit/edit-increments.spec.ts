import fc from 'fast-check';
import { int } from 'neo4j-driver';
import { checkDocument } from '../../src/blueprints/document-validation';
import { documentToRows } from '../../src/blueprints/document-rows';
import { checkEditedDocument } from '../../src/editing/edit-check';
import { addAction, moveAction, removeAction, renameStage, updateAction } from '../../src/editing/document-edits';
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

  it('are the renamed stage alone, set in place with its links kept', () => {
    const changes = changesOf((doc) => renameStage(doc, 's1', 'Reporting'));
    expect([keys(changes.rows.stages), keys(changes.rows.steps), keys(changes.rows.actions)]).toEqual([[], [], []]);
    expect(changes.rewritten.stages).toEqual([]);
    expect(changes.restated.stages).toEqual([{ key: 's1', fields: { name: 'Reporting', position: int(0) } }]);
  });

  it("set an action's own fields in place, and clear the fields it no longer has", () => {
    const before = base();
    const f1 = (doc: any) => doc.stages[0].steps[0].actions.find((a: any) => a.key === 'f1');
    f1(before).description = 'Says hello';
    const after = structuredClone(before);
    f1(after).name = 'Greets';
    delete f1(after).description;
    const changes = rowChanges(documentToRows(before), documentToRows(after));
    expect([keys(changes.rows.actions), changes.rewritten.actions]).toEqual([[], []]);
    expect(changes.restated.actions).toEqual([{ key: 'f1', fields: { lane: 'FRONTSTAGE', name: 'Greets', description: null, position: int(1) } }]);
  });

  it('rewrite an action whose role, owner, process, systems or dependencies change', () => {
    const changes = changesOf((doc) => {
      const action = doc.stages[0].steps[0].actions.find((a: any) => a.key === 'f1');
      updateAction(doc, { key: action.key, role: null });
    });
    expect(keys(changes.rows.actions)).toEqual(['f1']);
    expect(changes.rewritten.actions).toEqual(['f1']);
    expect(changes.restated.actions).toEqual([]);
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

  it('are, for an action moved in its step, the actions whose place changed, renumbered in place', () => {
    const changes = changesOf((doc) => moveAction(doc, 'c1', 't1', 2));
    expect(keys(changes.rows.actions)).toEqual([]);
    expect(changes.restated.actions.map((node) => [node.key, Number(node.fields.position)]).sort()).toEqual([['b1', 1], ['c1', 2], ['f1', 0]]);
    const none = changesOf((doc) => moveAction(doc, 'b1', 't1', 2));
    expect([keys(none.rows.actions), none.restated.actions]).toEqual([[], []]);
  });

  it('are, for an action moved to another step, the action relinked', () => {
    const changes = changesOf((doc) => {
      doc.stages[0].steps.push({ key: 't2', name: 'Look up', actions: [] });
      moveAction(doc, 'b1', 't2', 0);
    });
    expect(keys(changes.rows.steps)).toEqual(['t2']);
    expect(keys(changes.rows.actions)).toEqual(['b1']);
    expect(changes.rewritten.actions).toEqual(['b1']);
  });
});
