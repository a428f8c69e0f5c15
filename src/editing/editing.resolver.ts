import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ActionDocument, PainPointDocument, PersonaDocument, StageDocument, StepDocument } from '../blueprints/dto/blueprint-document';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { BlueprintState } from '../blueprints/models/enums';
import * as edits from './document-edits';
import { EditFocus, EditingService } from './editing.service';
import { ExpectedVersion, WriteRequest, Writer } from '../history/write-request';
import { BadUserInputError } from '../common/errors';
import { NAME_MESSAGE, isNameText } from '../common/validation-rules';
import { checkPart } from '../blueprints/document-validation';
import { BlueprintPropertiesInput, StepNameInput } from './dto/blueprint-properties.input';

/** Problems in an added or replaced part point into the argument it came from. */
function focus(root: 'stage' | 'step' | 'action' | 'painPoint', key: string): EditFocus {
  return { root, locate: (doc) => edits.documentPath(doc, root, key) };
}

function checkName(name: string, path: string): void {
  if (!isNameText(name)) throw new BadUserInputError([{ path, message: NAME_MESSAGE }]);
}

const POSITION = { type: () => Int, nullable: true, description: '0-based; the end when absent' } as const;

/** Granular edits of one blueprint; each returns the blueprint as it now is. */
@Resolver(() => Blueprint)
export class EditingResolver {
  constructor(private readonly editing: EditingService) {}

  @Mutation(() => Blueprint, { description: "Changes a blueprint's name, description, state or persona." })
  updateBlueprint(
    @Args('key') key: string,
    @Args('properties', { type: () => BlueprintPropertiesInput }) properties: BlueprintPropertiesInput,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    checkPart(BlueprintPropertiesInput, properties, 'properties');
    return this.editing.edit({ blueprintKey: key, expectedVersion, ...writer }, (doc) => {
      if (properties.name !== undefined && properties.name !== null) doc.name = properties.name;
      if (properties.description !== undefined) doc.description = properties.description;
      if (properties.state !== undefined && properties.state !== null) doc.state = properties.state as BlueprintState;
      if (properties.persona !== undefined) doc.persona = properties.persona as PersonaDocument | null;
    });
  }

  @Mutation(() => Blueprint)
  addStage(
    @Args('blueprintKey') blueprintKey: string,
    @Args('stage', { type: () => StageDocument }) stage: StageDocument,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(StageDocument, stage, 'stage');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addStage(doc, part, position), focus('stage', part.key));
  }

  @Mutation(() => Blueprint)
  renameStage(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @Args('name') name: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    checkName(name, 'name');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.renameStage(doc, key, name));
  }

  @Mutation(() => Blueprint)
  moveStage(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @Args('position', { type: () => Int }) position: number,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.moveStage(doc, key, position));
  }

  @Mutation(() => Blueprint, { description: 'Removes a stage with its steps and actions (refused while a pain point occurs at one).' })
  removeStage(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeStage(doc, key));
  }

  @Mutation(() => Blueprint)
  addStep(
    @Args('blueprintKey') blueprintKey: string,
    @Args('stageKey') stageKey: string,
    @Args('step', { type: () => StepDocument }) step: StepDocument,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(StepDocument, step, 'step');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addStep(doc, stageKey, part, position), focus('step', part.key));
  }

  @Mutation(() => Blueprint, { description: "Changes a step's name and, when given, its evidence." })
  updateStep(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @Args('name') name: string,
    @Args('evidence', { type: () => [String], nullable: true }) evidence: string[] | null | undefined,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    checkPart(StepNameInput, { name, evidence }, '');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.updateStep(doc, key, name, evidence));
  }

  @Mutation(() => Blueprint, { description: 'Moves a step within its stage or to another stage.' })
  moveStep(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @Args('stageKey') stageKey: string,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.moveStep(doc, key, stageKey, position));
  }

  @Mutation(() => Blueprint, { description: 'Removes a step with its actions (refused while a pain point occurs at one).' })
  removeStep(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeStep(doc, key));
  }

  @Mutation(() => Blueprint)
  addAction(
    @Args('blueprintKey') blueprintKey: string,
    @Args('stepKey') stepKey: string,
    @Args('action', { type: () => ActionDocument }) action: ActionDocument,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(ActionDocument, action, 'action');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addAction(doc, stepKey, part, position), focus('action', part.key));
  }

  @Mutation(() => Blueprint, { description: 'Replaces the action with the same key, keeping its place.' })
  updateAction(
    @Args('blueprintKey') blueprintKey: string,
    @Args('action', { type: () => ActionDocument }) action: ActionDocument,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(ActionDocument, action, 'action');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.updateAction(doc, part), focus('action', part.key));
  }

  @Mutation(() => Blueprint, { description: 'Moves an action within its step or to another step.' })
  moveAction(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @Args('stepKey') stepKey: string,
    @Args('position', POSITION) position: number | null,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.moveAction(doc, key, stepKey, position));
  }

  @Mutation(() => Blueprint, { description: 'Removes an action with its dependencies (refused while a pain point occurs at it).' })
  removeAction(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeAction(doc, key));
  }

  @Mutation(() => Blueprint, { description: 'Makes action `from` depend on action `to`.' })
  addDependency(
    @Args('blueprintKey') blueprintKey: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addDependency(doc, from, to));
  }

  @Mutation(() => Blueprint)
  removeDependency(
    @Args('blueprintKey') blueprintKey: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removeDependency(doc, from, to));
  }

  @Mutation(() => Blueprint)
  addPainPoint(
    @Args('blueprintKey') blueprintKey: string,
    @Args('painPoint', { type: () => PainPointDocument }) painPoint: PainPointDocument,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(PainPointDocument, painPoint, 'painPoint');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.addPainPoint(doc, part), focus('painPoint', part.key));
  }

  @Mutation(() => Blueprint, { description: 'Replaces the pain point with the same key, keeping its place.' })
  updatePainPoint(
    @Args('blueprintKey') blueprintKey: string,
    @Args('painPoint', { type: () => PainPointDocument }) painPoint: PainPointDocument,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    const part = checkPart(PainPointDocument, painPoint, 'painPoint');
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.updatePainPoint(doc, part), focus('painPoint', part.key));
  }

  @Mutation(() => Blueprint)
  removePainPoint(
    @Args('blueprintKey') blueprintKey: string,
    @Args('key') key: string,
    @ExpectedVersion() expectedVersion: number | null,
    @Writer() writer: WriteRequest,
  ): Promise<Blueprint> {
    return this.editing.edit({ blueprintKey, expectedVersion, ...writer }, (doc) => edits.removePainPoint(doc, key));
  }
}
