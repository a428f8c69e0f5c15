import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ActionDocument, PainPointDocument, PersonaDocument, StageDocument, StepDocument } from '../blueprints/dto/blueprint-document';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { BlueprintState } from '../blueprints/models/enum-types';
import * as edits from './document-edits';
import { EditFocus, EditingService } from './editing.service';
import { SCOPES } from './edit-scope';
import { ExpectedVersion, WriteRequest, Writer } from '../history/write-request';
import { BadUserInputError } from '../common/errors';
import { NAME_MESSAGE, isNameText } from '../common/validation-rules';
import { checkPart } from '../blueprints/document-validation';
import { BlueprintPropertiesInput, StepNameInput } from './dto/blueprint-properties.input';
import { ActionChangesInput, PainPointChangesInput } from './dto/part-changes.input';

/** Problems in an added or replaced part point into the argument it came from. */
function focus(root: 'stage' | 'step' | 'action' | 'painPoint', key: string): EditFocus {
  return { root, locate: (doc) => edits.documentPath(doc, root, key) };
}

function checkName(name: string, path: string): void {
  if (!isNameText(name)) throw new BadUserInputError([{ path, message: NAME_MESSAGE }]);
}

const POSITION = { type: () => Int, nullable: true, description: '0-based; the end when absent' } as const;
const BLUEPRINT_KEY = { description: 'the key of the blueprint to edit' } as const;

/** Granular edits of one blueprint; each returns the blueprint as it now is. */
@Resolver(() => Blueprint)
export class EditingResolver {
  constructor(private readonly editing: EditingService) {}

  @Mutation(() => Blueprint, { description: "Changes a blueprint's name, description, state or persona." })
  updateBlueprint(
    @Args('key', { description: "the blueprint's key" }) key: string,
    @Args('properties', { type: () => BlueprintPropertiesInput, description: 'the fields to change; the others stay' }) properties: BlueprintPropertiesInput,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    checkPart(BlueprintPropertiesInput, properties, 'properties');
    return this.editing.edit({ blueprintKey: key, expectedVersion, ...writer }, (doc) => {
      if (properties.name !== undefined && properties.name !== null) doc.name = properties.name;
      if (properties.description !== undefined) doc.description = properties.description;
      if (properties.state !== undefined && properties.state !== null) doc.state = properties.state as BlueprintState;
      if (properties.persona !== undefined) doc.persona = properties.persona as PersonaDocument | null;
    }, { scope: SCOPES.none() });
  }

  @Mutation(() => Blueprint, { description: 'Adds a stage, with its steps and actions, at a position.' })
  addStage(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('stage', { type: () => StageDocument, description: 'the stage with its steps and actions; its keys must be new in the blueprint' }) stage: StageDocument,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(StageDocument, stage, 'stage');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addStage(doc, part, position), { scope: SCOPES.addStage(part), focus: focus('stage', part.key) });
  }

  @Mutation(() => Blueprint, { description: 'Renames a stage.' })
  renameStage(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the stage's key" }) key: string,
    @Args('name', { description: 'its new name, 1..200 characters' }) name: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    checkName(name, 'name');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.renameStage(doc, key, name), { scope: SCOPES.none() });
  }

  @Mutation(() => Blueprint, { description: 'Moves a stage to another place in the blueprint.' })
  moveStage(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the stage's key" }) key: string,
    @Args('position', { type: () => Int, description: 'its new place among the stages, 0-based' }) position: number,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.moveStage(doc, key, position), { scope: SCOPES.none() });
  }

  @Mutation(() => Blueprint, { description: 'Removes a stage with its steps and actions (refused while a pain point occurs at one).' })
  removeStage(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the stage's key" }) key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeStage(doc, key), { scope: SCOPES.removeStage(key) });
  }

  @Mutation(() => Blueprint, { description: 'Adds a step, with its actions, to a stage at a position.' })
  addStep(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('stageKey', { description: 'the key of the stage to add it to' }) stageKey: string,
    @Args('step', { type: () => StepDocument, description: 'the step with its actions; its keys must be new in the blueprint' }) step: StepDocument,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(StepDocument, step, 'step');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addStep(doc, stageKey, part, position), { scope: SCOPES.addStep(part), focus: focus('step', part.key) });
  }

  @Mutation(() => Blueprint, { description: "Changes a step's name, its evidence or both; what is left out stays." })
  updateStep(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the step's key" }) key: string,
    @Args('name', { type: () => String, nullable: true, description: 'its new name, 1..200 characters; unchanged when absent or null' }) name: string | null | undefined,
    @Args('evidence', { type: () => [String], nullable: true, description: 'its new evidence, replacing the old; kept when absent, removed by null' }) evidence: string[] | null | undefined,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    checkPart(StepNameInput, { name, evidence }, '');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.updateStep(doc, key, name, evidence), { scope: SCOPES.step(key) });
  }

  @Mutation(() => Blueprint, { description: 'Moves a step within its stage or to another stage.' })
  moveStep(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the step's key" }) key: string,
    @Args('stageKey', { description: 'the key of the stage to move it to (its own to reorder)' }) stageKey: string,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.moveStep(doc, key, stageKey, position), { scope: SCOPES.step(key) });
  }

  @Mutation(() => Blueprint, { description: 'Removes a step with its actions (refused while a pain point occurs at one).' })
  removeStep(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the step's key" }) key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeStep(doc, key), { scope: SCOPES.removeStep(key) });
  }

  @Mutation(() => Blueprint, { description: 'Adds an action to a step at a position.' })
  addAction(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('stepKey', { description: 'the key of the step to add it to' }) stepKey: string,
    @Args('action', { type: () => ActionDocument, description: 'the action; its key must be new in the blueprint' }) action: ActionDocument,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(ActionDocument, action, 'action');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addAction(doc, stepKey, part, position), { scope: SCOPES.addAction(stepKey, part), focus: focus('action', part.key) });
  }

  @Mutation(() => Blueprint, { description: 'Changes the fields given of the action with the same key, keeping its place; the others stay.' })
  updateAction(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('action', { type: () => ActionChangesInput, description: "the action's key and the fields to change" }) action: ActionChangesInput,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(ActionChangesInput, action, 'action');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.updateAction(doc, part), { scope: SCOPES.updateAction(part), focus: focus('action', part.key) });
  }

  @Mutation(() => Blueprint, { description: 'Moves an action within its step or to another step.' })
  moveAction(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the action's key" }) key: string,
    @Args('stepKey', { description: 'the key of the step to move it to (its own to reorder)' }) stepKey: string,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.moveAction(doc, key, stepKey, position), { scope: SCOPES.moveAction(key, stepKey) });
  }

  @Mutation(() => Blueprint, { description: 'Removes an action with its dependencies (refused while a pain point occurs at it).' })
  removeAction(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the action's key" }) key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeAction(doc, key), { scope: SCOPES.removeAction(key) });
  }

  @Mutation(() => Blueprint, { description: 'Makes action `from` depend on action `to`.' })
  addDependency(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('from', { description: 'the key of the action that depends' }) from: string,
    @Args('to', { description: 'the key of the action it depends on; not `from` itself' }) to: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addDependency(doc, from, to), { scope: SCOPES.dependency(from, to) });
  }

  @Mutation(() => Blueprint, { description: 'Makes action `from` no longer depend on action `to`; NOT_FOUND if it does not.' })
  removeDependency(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('from', { description: 'the key of the action that depends' }) from: string,
    @Args('to', { description: 'the key of the action it depends on' }) to: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeDependency(doc, from, to), { scope: SCOPES.dependency(from, to) });
  }

  @Mutation(() => Blueprint, { description: 'Adds a pain point, after the others.' })
  addPainPoint(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('painPoint', { type: () => PainPointDocument, description: 'the pain point; its key must be new in the blueprint' }) painPoint: PainPointDocument,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(PainPointDocument, painPoint, 'painPoint');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addPainPoint(doc, part), { scope: SCOPES.painPoint(part), focus: focus('painPoint', part.key) });
  }

  @Mutation(() => Blueprint, { description: 'Changes the fields given of the pain point with the same key, keeping its place; the others stay.' })
  updatePainPoint(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('painPoint', { type: () => PainPointChangesInput, description: "the pain point's key and the fields to change" }) painPoint: PainPointChangesInput,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(PainPointChangesInput, painPoint, 'painPoint');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.updatePainPoint(doc, part), { scope: SCOPES.painPoint(part), focus: focus('painPoint', part.key) });
  }

  @Mutation(() => Blueprint, { description: 'Removes a pain point.' })
  removePainPoint(
    @Args('blueprintKey', BLUEPRINT_KEY) blueprintKey: string,
    @Args('key', { description: "the pain point's key" }) key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removePainPoint(doc, key), { scope: SCOPES.removePainPoint() });
  }
}
