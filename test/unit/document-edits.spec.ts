import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLError } from 'graphql';
import { parse } from 'yaml';
import { checkDocument } from '../../src/blueprints/document-validation';
import {
  ActionDocument,
  BlueprintDocument,
  PainPointDocument,
  StageDocument,
  StepDocument,
} from '../../src/blueprints/dto/blueprint-document';
import { Lane, PainCategory } from '../../src/blueprints/models/enums';
import { BadUserInputError, NotFoundError, Problem } from '../../src/common/errors';
import * as edits from '../../src/editing/document-edits';

/*
 * The granular edits as pure changes to a blueprint document. The document is
 * the example (after-sales-repair.yaml), typed by checkDocument as the editing
 * service does it:
 *   notice  / search-help : ca-search-help, fs-help-page, sp-content-update
 *   report  / call-hotline: ca-call, fs-agent, bs-order-lookup, sp-order-sync
 *   repair  / drop-off    : ca-drop-off, fs-guard, fs-intake, bs-diagnosis
 *           / wait-part   : ca-wait, fs-status, bs-order-part, sp-replenish
 *   resolve / pick-up     : ca-pick-up, fs-hand-over
 *   pain points: help-hidden@ca-search-help, order-not-found@ca-call,
 *                guard-rude@ca-drop-off (causes fs-guard), part-wait@ca-wait
 */

const FIXTURE_TEXT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'after-sales-repair.yaml'), 'utf8');

function exampleDoc(): BlueprintDocument {
  const { document, problems } = checkDocument(parse(FIXTURE_TEXT));
  expect(problems).toEqual([]);
  return document!;
}

const stageKeys = (doc: BlueprintDocument) => doc.stages.map((s) => s.key);
const stepKeys = (doc: BlueprintDocument, stage: string) => doc.stages.find((s) => s.key === stage)!.steps.map((t) => t.key);
const allSteps = (doc: BlueprintDocument) => doc.stages.flatMap((s) => s.steps);
const step = (doc: BlueprintDocument, key: string) => allSteps(doc).find((t) => t.key === key)!;
const actionKeys = (doc: BlueprintDocument, stepKey: string) => step(doc, stepKey).actions.map((a) => a.key);
const allActions = (doc: BlueprintDocument) => allSteps(doc).flatMap((t) => t.actions);
const action = (doc: BlueprintDocument, key: string) => allActions(doc).find((a) => a.key === key)!;
const painPoint = (doc: BlueprintDocument, key: string) => doc.painPoints!.find((p) => p.key === key)!;

function newStage(key: string, steps: StepDocument[] = []): StageDocument {
  return Object.assign(new StageDocument(), { key, name: `Stage ${key}`, steps });
}
function newStep(key: string, actions: ActionDocument[] = []): StepDocument {
  return Object.assign(new StepDocument(), { key, name: `Step ${key}`, actions });
}
function newAction(key: string, fields: Partial<ActionDocument> = {}): ActionDocument {
  return Object.assign(new ActionDocument(), { key, lane: Lane.BACKSTAGE, name: `Action ${key}`, ...fields });
}
function newPainPoint(key: string, fields: Partial<PainPointDocument> = {}): PainPointDocument {
  return Object.assign(new PainPointDocument(), { key, title: `Pain ${key}`, action: 'ca-call', severity: 3, ...fields });
}

/** Runs `edit`, expecting it to throw; returns the error. */
function thrown(edit: () => void): GraphQLError {
  try {
    edit();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected the edit to be refused');
}

function expectBadInput(edit: () => void, problems: { path: string; message: RegExp }[]): BadUserInputError {
  const error = thrown(edit);
  expect(error).toBeInstanceOf(BadUserInputError);
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  const got = error.extensions.problems as Problem[];
  expect(got).toEqual((error as BadUserInputError).problems);
  expect(got).toHaveLength(problems.length);
  problems.forEach((expected, i) => {
    expect(got[i].path).toBe(expected.path);
    expect(got[i].message).toMatch(expected.message);
  });
  return error as BadUserInputError;
}

function expectNotFound(edit: () => void, message: RegExp): NotFoundError {
  const error = thrown(edit);
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error.extensions.code).toBe('NOT_FOUND');
  expect(error.extensions.problems).toBeUndefined();
  expect(error.message).toMatch(message);
  return error as NotFoundError;
}

/** After a successful edit the document still passes the import's rules. */
function expectStillValid(doc: BlueprintDocument): void {
  expect(checkDocument(doc).problems).toEqual([]);
}

const snapshot = (doc: BlueprintDocument) => JSON.parse(JSON.stringify(doc));

// ---------------------------------------------------------------------------

describe('stages', () => {
  it('addStage appends when no position is given (undefined or null)', () => {
    const doc = exampleDoc();
    edits.addStage(doc, newStage('feedback'));
    expect(stageKeys(doc)).toEqual(['notice', 'report', 'repair', 'resolve', 'feedback']);
    edits.addStage(doc, newStage('survey'), null);
    expect(stageKeys(doc)).toEqual(['notice', 'report', 'repair', 'resolve', 'feedback', 'survey']);
    expectStillValid(doc);
  });

  it('addStage inserts at a 0-based position: first, middle, last', () => {
    const doc = exampleDoc();
    edits.addStage(doc, newStage('buy'), 0);
    expect(stageKeys(doc)).toEqual(['buy', 'notice', 'report', 'repair', 'resolve']);
    edits.addStage(doc, newStage('wait'), 3);
    expect(stageKeys(doc)).toEqual(['buy', 'notice', 'report', 'wait', 'repair', 'resolve']);
    edits.addStage(doc, newStage('end'), 6);
    expect(stageKeys(doc)).toEqual(['buy', 'notice', 'report', 'wait', 'repair', 'resolve', 'end']);
  });

  it.each([-1, 5, 1.5, Number.NaN])('addStage refuses position %p with BAD_USER_INPUT at "position"', (position) => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.addStage(doc, newStage('feedback'), position), [{ path: 'position', message: /from 0 to 4/ }]);
    expect(snapshot(doc)).toEqual(before);
  });

  it('addStage refuses a stage key that is already used', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.addStage(doc, newStage('repair'), 0), [{ path: 'stage.key', message: /stage key "repair" is already used/ }]);
    expect(snapshot(doc)).toEqual(before);
  });

  it('renameStage changes only the name', () => {
    const doc = exampleDoc();
    edits.renameStage(doc, 'report', 'Report the defect');
    expect(doc.stages[1].name).toBe('Report the defect');
    expect(doc.stages[1].key).toBe('report');
    expect(stageKeys(doc)).toEqual(['notice', 'report', 'repair', 'resolve']);
  });

  it('renameStage of an unknown stage is NOT_FOUND', () => {
    expectNotFound(() => edits.renameStage(exampleDoc(), 'nowhere', 'X'), /after-sales-repair.*stage "nowhere"/);
  });

  it('moveStage moves to the first, a middle and the last place, keeping the steps', () => {
    const doc = exampleDoc();
    edits.moveStage(doc, 'resolve', 0);
    expect(stageKeys(doc)).toEqual(['resolve', 'notice', 'report', 'repair']);
    edits.moveStage(doc, 'resolve', 2);
    expect(stageKeys(doc)).toEqual(['notice', 'report', 'resolve', 'repair']);
    edits.moveStage(doc, 'notice', 3);
    expect(stageKeys(doc)).toEqual(['report', 'resolve', 'repair', 'notice']);
    expect(stepKeys(doc, 'repair')).toEqual(['drop-off', 'wait-part']);
    expectStillValid(doc);
  });

  it('moveStage to its own place changes nothing', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    edits.moveStage(doc, 'repair', 2);
    expect(snapshot(doc)).toEqual(before);
  });

  it.each([-1, 4, 10])('moveStage refuses position %p (there are 4 stages: 0..3)', (position) => {
    expectBadInput(() => edits.moveStage(exampleDoc(), 'report', position), [{ path: 'position', message: /from 0 to 3/ }]);
  });

  it('moveStage of an unknown stage is NOT_FOUND', () => {
    expectNotFound(() => edits.moveStage(exampleDoc(), 'nowhere', 0), /stage "nowhere"/);
  });

  it('removeStage removes the stage with its steps and actions', () => {
    const doc = exampleDoc();
    edits.removeStage(doc, 'resolve');
    expect(stageKeys(doc)).toEqual(['notice', 'report', 'repair']);
    expect(allActions(doc).map((a) => a.key)).not.toContain('ca-pick-up');
    expect(allActions(doc).map((a) => a.key)).not.toContain('fs-hand-over');
    expectStillValid(doc);
  });

  it("removeStage takes the dependencies on its actions and the causes naming them from the rest of the document", () => {
    const doc = exampleDoc();
    edits.removePainPoint(doc, 'help-hidden'); // it occurs at ca-search-help of stage notice
    action(doc, 'bs-order-lookup').dependsOn = ['sp-order-sync', 'sp-content-update'];
    painPoint(doc, 'order-not-found').causes = ['fs-help-page', 'fs-agent'];
    edits.removeStage(doc, 'notice');
    expect(stageKeys(doc)).toEqual(['report', 'repair', 'resolve']);
    expect(action(doc, 'bs-order-lookup').dependsOn).toEqual(['sp-order-sync']);
    expect(painPoint(doc, 'order-not-found').causes).toEqual(['fs-agent']);
    expectStillValid(doc);
  });

  it('removeStage is refused while a pain point occurs at one of its actions, naming every such pain point', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(
      () => edits.removeStage(doc, 'repair'),
      [
        { path: 'key', message: /pain point "guard-rude" occurs at action "ca-drop-off"/ },
        { path: 'key', message: /pain point "part-wait" occurs at action "ca-wait"/ },
      ],
    );
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeStage of an unknown stage is NOT_FOUND', () => {
    expectNotFound(() => edits.removeStage(exampleDoc(), 'nowhere'), /stage "nowhere"/);
  });
});

describe('steps', () => {
  it('addStep appends to the stage, or inserts at a position', () => {
    const doc = exampleDoc();
    edits.addStep(doc, 'repair', newStep('collect', [newAction('bs-collect')]));
    expect(stepKeys(doc, 'repair')).toEqual(['drop-off', 'wait-part', 'collect']);
    edits.addStep(doc, 'repair', newStep('book'), 0);
    expect(stepKeys(doc, 'repair')).toEqual(['book', 'drop-off', 'wait-part', 'collect']);
    edits.addStep(doc, 'repair', newStep('call-back'), 2);
    expect(stepKeys(doc, 'repair')).toEqual(['book', 'drop-off', 'call-back', 'wait-part', 'collect']);
    expect(stepKeys(doc, 'report')).toEqual(['call-hotline']);
    expectStillValid(doc);
  });

  it('addStep refuses a step key used anywhere in the blueprint (other stages too)', () => {
    const doc = exampleDoc();
    expectBadInput(() => edits.addStep(doc, 'repair', newStep('call-hotline')), [
      { path: 'step.key', message: /step key "call-hotline" is already used/ },
    ]);
    expectBadInput(() => edits.addStep(doc, 'repair', newStep('drop-off')), [{ path: 'step.key', message: /"drop-off"/ }]);
  });

  it.each([-1, 3])('addStep refuses position %p (the stage has 2 steps: 0..2)', (position) => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.addStep(doc, 'repair', newStep('collect'), position), [{ path: 'position', message: /from 0 to 2/ }]);
    expect(snapshot(doc)).toEqual(before);
  });

  it('addStep into an unknown stage is NOT_FOUND', () => {
    expectNotFound(() => edits.addStep(exampleDoc(), 'nowhere', newStep('collect')), /stage "nowhere"/);
  });

  it('updateStep changes the name; evidence is kept when not given, replaced when given, cleared with null', () => {
    const doc = exampleDoc();
    edits.updateStep(doc, 'wait-part', 'Waits for the part');
    expect(step(doc, 'wait-part').name).toBe('Waits for the part');
    expect(step(doc, 'wait-part').evidence).toEqual(['SMS updates']);
    edits.updateStep(doc, 'wait-part', 'Waits', ['SMS', 'E-mail']);
    expect(step(doc, 'wait-part').evidence).toEqual(['SMS', 'E-mail']);
    edits.updateStep(doc, 'wait-part', undefined, null);
    expect(step(doc, 'wait-part').name).toBe('Waits');
    expect(step(doc, 'wait-part').evidence).toBeUndefined();
    expect(actionKeys(doc, 'wait-part')).toEqual(['ca-wait', 'fs-status', 'bs-order-part', 'sp-replenish']);
    expectStillValid(doc);
  });

  it('updateStep of an unknown step is NOT_FOUND', () => {
    expectNotFound(() => edits.updateStep(exampleDoc(), 'nowhere', 'X'), /step "nowhere"/);
  });

  it('moveStep moves a step to another stage at a position, with its actions', () => {
    const doc = exampleDoc();
    edits.moveStep(doc, 'wait-part', 'resolve', 0);
    expect(stepKeys(doc, 'repair')).toEqual(['drop-off']);
    expect(stepKeys(doc, 'resolve')).toEqual(['wait-part', 'pick-up']);
    expect(actionKeys(doc, 'wait-part')).toEqual(['ca-wait', 'fs-status', 'bs-order-part', 'sp-replenish']);
    expectStillValid(doc);
  });

  it('moveStep to another stage without a position appends', () => {
    const doc = exampleDoc();
    edits.moveStep(doc, 'drop-off', 'resolve');
    expect(stepKeys(doc, 'resolve')).toEqual(['pick-up', 'drop-off']);
    expect(stepKeys(doc, 'repair')).toEqual(['wait-part']);
  });

  it('moveStep within its stage reorders', () => {
    const doc = exampleDoc();
    edits.moveStep(doc, 'wait-part', 'repair', 0);
    expect(stepKeys(doc, 'repair')).toEqual(['wait-part', 'drop-off']);
    edits.moveStep(doc, 'wait-part', 'repair', 1);
    expect(stepKeys(doc, 'repair')).toEqual(['drop-off', 'wait-part']);
  });

  it('moveStep may empty a stage', () => {
    const doc = exampleDoc();
    edits.moveStep(doc, 'pick-up', 'repair', 2);
    expect(stepKeys(doc, 'resolve')).toEqual([]);
    expect(stepKeys(doc, 'repair')).toEqual(['drop-off', 'wait-part', 'pick-up']);
    expectStillValid(doc);
  });

  it.each([-1, 2])('moveStep refuses position %p in a stage of 1 other step (0..1)', (position) => {
    expectBadInput(() => edits.moveStep(exampleDoc(), 'wait-part', 'resolve', position), [
      { path: 'position', message: /from 0 to 1/ },
    ]);
  });

  it('moveStep refuses, within its own stage, the position after the last (0..1 for 2 steps)', () => {
    expectBadInput(() => edits.moveStep(exampleDoc(), 'drop-off', 'repair', 2), [{ path: 'position', message: /from 0 to 1/ }]);
  });

  it('moveStep of an unknown step, or to an unknown stage, is NOT_FOUND (and changes nothing)', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectNotFound(() => edits.moveStep(doc, 'nowhere', 'repair'), /step "nowhere"/);
    expectNotFound(() => edits.moveStep(doc, 'wait-part', 'nowhere'), /stage "nowhere"/);
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeStep removes the step and cascades dependencies and causes', () => {
    const doc = exampleDoc();
    edits.removePainPoint(doc, 'guard-rude'); // occurs at ca-drop-off
    edits.removeStep(doc, 'drop-off');
    expect(stepKeys(doc, 'repair')).toEqual(['wait-part']);
    // bs-order-part depended on bs-diagnosis of drop-off
    expect(action(doc, 'bs-order-part').dependsOn).toEqual(['sp-replenish']);
    expectStillValid(doc);
  });

  it('removeStep is refused while a pain point occurs at one of its actions', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.removeStep(doc, 'call-hotline'), [
      { path: 'key', message: /pain point "order-not-found" occurs at action "ca-call"/ },
    ]);
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeStep of an unknown step is NOT_FOUND', () => {
    expectNotFound(() => edits.removeStep(exampleDoc(), 'nowhere'), /step "nowhere"/);
  });
});

describe('actions', () => {
  it('addAction appends, or inserts at a position', () => {
    const doc = exampleDoc();
    edits.addAction(doc, 'pick-up', newAction('bs-report', { dependsOn: ['bs-diagnosis'] }));
    expect(actionKeys(doc, 'pick-up')).toEqual(['ca-pick-up', 'fs-hand-over', 'bs-report']);
    edits.addAction(doc, 'pick-up', newAction('fs-greet', { lane: Lane.FRONTSTAGE }), 1);
    expect(actionKeys(doc, 'pick-up')).toEqual(['ca-pick-up', 'fs-greet', 'fs-hand-over', 'bs-report']);
    edits.addAction(doc, 'pick-up', newAction('ca-leave', { lane: Lane.CUSTOMER }), 0);
    expect(actionKeys(doc, 'pick-up')).toEqual(['ca-leave', 'ca-pick-up', 'fs-greet', 'fs-hand-over', 'bs-report']);
    expectStillValid(doc);
  });

  it('addAction refuses an action key used anywhere in the blueprint', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.addAction(doc, 'pick-up', newAction('bs-diagnosis')), [
      { path: 'action.key', message: /action key "bs-diagnosis" is already used/ },
    ]);
    expect(snapshot(doc)).toEqual(before);
  });

  it.each([-1, 3, 0.5])('addAction refuses position %p (the step has 2 actions: 0..2)', (position) => {
    expectBadInput(() => edits.addAction(exampleDoc(), 'pick-up', newAction('bs-report'), position), [
      { path: 'position', message: /from 0 to 2/ },
    ]);
  });

  it('addAction into an unknown step is NOT_FOUND', () => {
    expectNotFound(() => edits.addAction(exampleDoc(), 'nowhere', newAction('bs-report')), /step "nowhere"/);
  });

  it('updateAction changes the fields given of the action of the same key, keeping its place', () => {
    const doc = exampleDoc();
    const before = { ...action(doc, 'fs-agent') };
    edits.updateAction(doc, { key: 'fs-agent', name: 'Agent registers the complaint in the CRM', systems: ['crm', 'erp'] });
    expect(actionKeys(doc, 'call-hotline')).toEqual(['ca-call', 'fs-agent', 'bs-order-lookup', 'sp-order-sync']);
    expect(action(doc, 'fs-agent')).toEqual({ ...before, name: 'Agent registers the complaint in the CRM', systems: ['crm', 'erp'] });
    expectStillValid(doc);
  });

  it('updateAction clears an optional field given as null and leaves a required one', () => {
    const doc = exampleDoc();
    const before = { ...action(doc, 'fs-agent') };
    edits.updateAction(doc, { key: 'fs-agent', role: null, dependsOn: null, name: null, lane: null, department: 'it' });
    const { role, dependsOn, ...kept } = before;
    expect([role, dependsOn]).not.toEqual([undefined, undefined]);
    expect(action(doc, 'fs-agent')).toEqual({ ...kept, department: 'it' });
    expectStillValid(doc);
  });

  it('updateAction of an unknown key is NOT_FOUND', () => {
    expectNotFound(() => edits.updateAction(exampleDoc(), newAction('nowhere')), /action "nowhere"/);
  });

  it('moveAction moves across steps within a stage', () => {
    const doc = exampleDoc();
    edits.moveAction(doc, 'bs-diagnosis', 'wait-part', 0);
    expect(actionKeys(doc, 'drop-off')).toEqual(['ca-drop-off', 'fs-guard', 'fs-intake']);
    expect(actionKeys(doc, 'wait-part')).toEqual(['bs-diagnosis', 'ca-wait', 'fs-status', 'bs-order-part', 'sp-replenish']);
    expectStillValid(doc);
  });

  it('moveAction moves across stages, keeping its dependencies and those on it', () => {
    const doc = exampleDoc();
    edits.moveAction(doc, 'sp-order-sync', 'pick-up');
    expect(actionKeys(doc, 'call-hotline')).toEqual(['ca-call', 'fs-agent', 'bs-order-lookup']);
    expect(actionKeys(doc, 'pick-up')).toEqual(['ca-pick-up', 'fs-hand-over', 'sp-order-sync']);
    expect(action(doc, 'bs-order-lookup').dependsOn).toEqual(['sp-order-sync']);
    expectStillValid(doc);
  });

  it('moveAction within its step reorders (position counted without the moved action)', () => {
    const doc = exampleDoc();
    edits.moveAction(doc, 'ca-call', 'call-hotline', 3);
    expect(actionKeys(doc, 'call-hotline')).toEqual(['fs-agent', 'bs-order-lookup', 'sp-order-sync', 'ca-call']);
    edits.moveAction(doc, 'ca-call', 'call-hotline', 0);
    expect(actionKeys(doc, 'call-hotline')).toEqual(['ca-call', 'fs-agent', 'bs-order-lookup', 'sp-order-sync']);
  });

  it('moveAction keeps the pain points that occur at the action', () => {
    const doc = exampleDoc();
    edits.moveAction(doc, 'ca-call', 'search-help', 1);
    expect(actionKeys(doc, 'search-help')).toEqual(['ca-search-help', 'ca-call', 'fs-help-page', 'sp-content-update']);
    expect(painPoint(doc, 'order-not-found').action).toBe('ca-call');
    expectStillValid(doc);
  });

  it.each([-1, 3])('moveAction refuses position %p in a step of 2 actions (0..2)', (position) => {
    expectBadInput(() => edits.moveAction(exampleDoc(), 'bs-diagnosis', 'pick-up', position), [
      { path: 'position', message: /from 0 to 2/ },
    ]);
  });

  it('moveAction of an unknown action, or to an unknown step, is NOT_FOUND (and changes nothing)', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectNotFound(() => edits.moveAction(doc, 'nowhere', 'pick-up'), /action "nowhere"/);
    expectNotFound(() => edits.moveAction(doc, 'fs-guard', 'nowhere'), /step "nowhere"/);
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeAction removes it and the dependencies on it', () => {
    const doc = exampleDoc();
    edits.removeAction(doc, 'bs-diagnosis');
    expect(actionKeys(doc, 'drop-off')).toEqual(['ca-drop-off', 'fs-guard', 'fs-intake']);
    expect(action(doc, 'fs-intake').dependsOn).toEqual([]);
    expect(action(doc, 'bs-order-part').dependsOn).toEqual(['sp-replenish']);
    expect(allActions(doc).some((a) => (a.dependsOn ?? []).includes('bs-diagnosis'))).toBe(false);
    expectStillValid(doc);
  });

  it('removeAction removes it from the causes of pain points', () => {
    const doc = exampleDoc();
    painPoint(doc, 'part-wait').causes = ['sp-replenish', 'bs-order-part'];
    edits.removeAction(doc, 'fs-guard');
    edits.removeAction(doc, 'sp-replenish');
    expect(painPoint(doc, 'guard-rude').causes).toEqual([]);
    expect(painPoint(doc, 'part-wait').causes).toEqual(['bs-order-part']);
    expect(action(doc, 'ca-drop-off').dependsOn).toEqual(['fs-intake']);
    expect(action(doc, 'bs-order-part').dependsOn).toEqual(['bs-diagnosis']);
    expectStillValid(doc);
  });

  it('removeAction is refused where a pain point occurs (nothing changes)', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.removeAction(doc, 'ca-wait'), [
      { path: 'key', message: /pain point "part-wait" occurs at action "ca-wait"; move it to another action or remove it first/ },
    ]);
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeAction names every pain point that occurs at it', () => {
    const doc = exampleDoc();
    edits.addPainPoint(doc, newPainPoint('long-call', { action: 'ca-call' }));
    expectBadInput(() => edits.removeAction(doc, 'ca-call'), [
      { path: 'key', message: /"order-not-found"/ },
      { path: 'key', message: /"long-call"/ },
    ]);
  });

  it('removeAction of an unknown action is NOT_FOUND', () => {
    expectNotFound(() => edits.removeAction(exampleDoc(), 'nowhere'), /action "nowhere"/);
  });
});

describe('dependencies', () => {
  it('addDependency appends to the list, or starts one', () => {
    const doc = exampleDoc();
    edits.addDependency(doc, 'fs-intake', 'fs-guard');
    expect(action(doc, 'fs-intake').dependsOn).toEqual(['bs-diagnosis', 'fs-guard']);
    expect(action(doc, 'fs-hand-over').dependsOn).toBeUndefined();
    edits.addDependency(doc, 'fs-hand-over', 'bs-diagnosis');
    expect(action(doc, 'fs-hand-over').dependsOn).toEqual(['bs-diagnosis']);
    expectStillValid(doc);
  });

  it('addDependency across stages and into a cycle is fine', () => {
    const doc = exampleDoc();
    edits.addDependency(doc, 'bs-diagnosis', 'fs-intake');
    expect(action(doc, 'bs-diagnosis').dependsOn).toEqual(['fs-intake']);
    edits.addDependency(doc, 'sp-content-update', 'sp-order-sync');
    expectStillValid(doc);
  });

  it('addDependency twice is refused', () => {
    const doc = exampleDoc();
    edits.addDependency(doc, 'fs-hand-over', 'bs-diagnosis');
    expectBadInput(() => edits.addDependency(doc, 'fs-hand-over', 'bs-diagnosis'), [
      { path: 'to', message: /"fs-hand-over" already depends on "bs-diagnosis"/ },
    ]);
    expectBadInput(() => edits.addDependency(doc, 'bs-order-part', 'sp-replenish'), [{ path: 'to', message: /already depends/ }]);
    expect(action(doc, 'fs-hand-over').dependsOn).toEqual(['bs-diagnosis']);
  });

  it('addDependency from or to an unknown action is NOT_FOUND', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectNotFound(() => edits.addDependency(doc, 'nowhere', 'fs-guard'), /action "nowhere"/);
    expectNotFound(() => edits.addDependency(doc, 'fs-guard', 'nowhere'), /action "nowhere"/);
    expectNotFound(() => edits.addDependency(doc, 'fs-guard', 'guard-rude'), /action "guard-rude"/);
    expect(snapshot(doc)).toEqual(before);
  });

  it('an action depending on itself is refused at the argument `to`', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectBadInput(() => edits.addDependency(doc, 'fs-guard', 'fs-guard'), [{ path: 'to', message: /itself/ }]);
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeDependency removes the edge only', () => {
    const doc = exampleDoc();
    edits.removeDependency(doc, 'bs-order-part', 'bs-diagnosis');
    expect(action(doc, 'bs-order-part').dependsOn).toEqual(['sp-replenish']);
    expect(actionKeys(doc, 'drop-off')).toContain('bs-diagnosis');
    edits.removeDependency(doc, 'bs-order-part', 'sp-replenish');
    expect(action(doc, 'bs-order-part').dependsOn).toEqual([]);
    expectStillValid(doc);
  });

  it('removeDependency of a missing edge is NOT_FOUND', () => {
    const doc = exampleDoc();
    const before = snapshot(doc);
    expectNotFound(() => edits.removeDependency(doc, 'bs-diagnosis', 'bs-order-part'), /"bs-diagnosis".*does not depend on "bs-order-part"/);
    expectNotFound(() => edits.removeDependency(doc, 'fs-hand-over', 'fs-guard'), /does not depend on/); // no list at all
    expectNotFound(() => edits.removeDependency(doc, 'fs-intake', 'nowhere'), /does not depend on "nowhere"/);
    expect(snapshot(doc)).toEqual(before);
  });

  it('removeDependency from an unknown action is NOT_FOUND', () => {
    expectNotFound(() => edits.removeDependency(exampleDoc(), 'nowhere', 'fs-guard'), /action "nowhere"/);
  });
});

describe('pain points', () => {
  it('addPainPoint appends, and starts the list for a blueprint without pain points', () => {
    const doc = exampleDoc();
    edits.addPainPoint(doc, newPainPoint('long-call', { causes: ['fs-agent'] }));
    expect(doc.painPoints!.map((p) => p.key)).toEqual(['help-hidden', 'order-not-found', 'guard-rude', 'part-wait', 'long-call']);
    expectStillValid(doc);

    const bare = exampleDoc();
    delete bare.painPoints;
    edits.addPainPoint(bare, newPainPoint('first'));
    expect(bare.painPoints!.map((p) => p.key)).toEqual(['first']);
  });

  it('addPainPoint refuses a pain point key that is already used', () => {
    const doc = exampleDoc();
    expectBadInput(() => edits.addPainPoint(doc, newPainPoint('guard-rude')), [
      { path: 'painPoint.key', message: /pain point key "guard-rude" is already used/ },
    ]);
    expect(doc.painPoints).toHaveLength(4);
  });

  it('updatePainPoint changes the fields given of the pain point of the same key, keeping its place', () => {
    const doc = exampleDoc();
    const before = { ...doc.painPoints![2] };
    edits.updatePainPoint(doc, { key: 'guard-rude', title: 'Guard is rude', causes: ['fs-guard', 'fs-intake'], category: PainCategory.SUPPORT, frequency: null });
    expect(doc.painPoints!.map((p) => p.key)).toEqual(['help-hidden', 'order-not-found', 'guard-rude', 'part-wait']);
    const { frequency, ...kept } = before;
    expect(frequency).toBeDefined();
    expect(doc.painPoints![2]).toEqual({ ...kept, title: 'Guard is rude', causes: ['fs-guard', 'fs-intake'], category: PainCategory.SUPPORT });
    expectStillValid(doc);
  });

  it('updatePainPoint of an unknown key is NOT_FOUND', () => {
    expectNotFound(() => edits.updatePainPoint(exampleDoc(), newPainPoint('nowhere')), /pain point "nowhere"/);
    const bare = exampleDoc();
    bare.painPoints = null;
    expectNotFound(() => edits.updatePainPoint(bare, newPainPoint('nowhere')), /pain point "nowhere"/);
  });

  it('removePainPoint removes it, and then its action can be removed', () => {
    const doc = exampleDoc();
    edits.removePainPoint(doc, 'order-not-found');
    expect(doc.painPoints!.map((p) => p.key)).toEqual(['help-hidden', 'guard-rude', 'part-wait']);
    edits.removeAction(doc, 'ca-call');
    expect(actionKeys(doc, 'call-hotline')).toEqual(['fs-agent', 'bs-order-lookup', 'sp-order-sync']);
    expectStillValid(doc);
  });

  it('removePainPoint of an unknown key is NOT_FOUND', () => {
    expectNotFound(() => edits.removePainPoint(exampleDoc(), 'nowhere'), /after-sales-repair.*pain point "nowhere"/);
  });
});
