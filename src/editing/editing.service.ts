import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError, Problem } from '../common/errors';
import { QueryRunner } from '../database/executor';
import { BlueprintShape, shapeOfRows, shiftedShape } from '../blueprints/blueprint-shape';
import { BlueprintStore, ImportCheck } from '../blueprints/blueprint-store';
import { BlueprintsService, REFERENCES_ONLY } from '../blueprints/blueprints.service';
import { ImportRows, documentToRows } from '../blueprints/document-rows';
import { OutsideParts } from '../blueprints/document-validation';
import { BlueprintDocument, StepDocument } from '../blueprints/dto/blueprint-document';
import { Blueprint } from '../blueprints/models/blueprint.model';
import { BlueprintState } from '../blueprints/models/enums';
import { BlueprintHistory } from '../history/blueprint-history';
import { NewestDocuments } from '../history/newest-documents';
import { isEmptyPatch, partialPatch, patchBetween, toRecords, withoutSteps } from '../history/document-records';
import { versionDocument } from '../history/version-document';
import { WriteRequest, checkExpectedVersion } from '../history/write-request';
import { checkEditedDocument } from './edit-check';
import { EditScope, ScopedBlueprint, scopeParameters, scopedBlueprint } from './edit-scope';
import { rowChanges } from './row-changes';
import { sameValue } from '../common/same-value';

/** Which blueprint an edit changes, who asks, and against which version. */
export interface EditRequest extends WriteRequest {
  blueprintKey: string;
}

export interface EditFocus {
  /** The input argument's name, e.g. `action`. */
  root: string;
  /** The path of the edited part in the changed document, e.g. `document.stages[3].steps[0].actions[2]`. */
  locate(document: BlueprintDocument): string | undefined;
}

/** What an edit reads of the blueprint, and where its problems point. */
export interface EditOptions {
  scope: EditScope;
  focus?: EditFocus;
}

/**
 * Applies one granular edit to a blueprint in one transaction: lock, read the
 * part of the blueprint the edit touches, change it, check it by the import's
 * rules, write what differs with the version it makes. Its cost follows what
 * it touches, not the blueprint's size.
 */
@Injectable()
export class EditingService {
  constructor(
    private readonly store: BlueprintStore,
    private readonly blueprints: BlueprintsService,
    private readonly history: BlueprintHistory,
    private readonly newest: NewestDocuments,
  ) {}

  /**
   * `change` gets the part the scope reads as a document (every stage and
   * step, the actions of the open steps, the pain points when the scope reads
   * them; edit-scope.ts). Organisation-wide entries
   * are only referenced by an edit, checked against the database as they are
   * now, and never written back: a concurrent change to a role or system must
   * not be undone. An edit that changes nothing writes nothing and answers
   * the blueprint as it is.
   */
  edit(
    request: EditRequest,
    change: (document: BlueprintDocument, runner: QueryRunner, read: ScopedBlueprint) => void | Promise<void>,
    { scope, focus }: EditOptions,
  ): Promise<Blueprint> {
    const key = request.blueprintKey;
    return this.blueprints.writeBlueprints(async (runner) => {
      // Read under the blueprint write lock: no other write can change it before this one commits.
      const [row] = await runner.run('edit-scope', scopeParameters(key, scope));
      if (!row) throw new NotFoundError(`No blueprint has the key "${key}"`);
      const read = scopedBlueprint(row);
      checkExpectedVersion(key, request, read.version);
      const before = read.document;
      const current = structuredClone(before);
      await change(current, runner, read);
      Object.assign(current, REFERENCES_ONLY);
      requireWithinScope(read, current);
      const beforeRows = documentToRows(before);
      const readShape = shapeOfRows(beforeRows);
      const { document, problems, externalReferences } = checkEditedDocument(before, current, 'document', outsideOf(read, readShape));
      const check = await this.store.checkImport(runner, key, externalReferences);
      const allProblems = [...problems, ...check.problems];
      if (!document || allProblems.length > 0) {
        throw new BadUserInputError(pointIntoInput(allProblems, focus && focus.locate(current), focus?.root));
      }
      const version = (await this.commit(runner, read, beforeRows, readShape, document, check, request)) ?? read;
      return this.answer(document, version);
    });
  }

  /**
   * Makes a kept version the blueprint's next one: its stages, actions and
   * pain points as they were, referencing the organisation as it is now.
   */
  restore(request: EditRequest, version: number): Promise<Blueprint> {
    const operation = `${request.operation} (version ${version})`;
    return this.edit(
      { ...request, operation },
      async (current, runner, read) => {
        // The scope read the whole blueprint: the newest version's records, when the graph holds them, come from it.
        const newest = async () => toRecords(versionDocument(read.document, read.known));
        const { document } = await this.history.document(runner, request.blueprintKey, version, newest);
        Object.assign(current, document, REFERENCES_ONLY);
      },
      { scope: { all: true } },
    );
  }

  /**
   * Writes the rows that differ and the version, whose patch back holds the
   * records the edit changed; null when it changed nothing.
   */
  private async commit(
    runner: QueryRunner,
    read: ScopedBlueprint,
    beforeRows: ImportRows,
    readShape: BlueprintShape,
    after: BlueprintDocument,
    check: ImportCheck,
    write: WriteRequest,
  ): Promise<{ version: number; updatedAt: string } | null> {
    const key = after.key;
    const recordsOf = (document: BlueprintDocument, known: ImportCheck['known']) => {
      const records = withoutSteps(toRecords(versionDocument(document, known)), read.closedSteps);
      // Pain points not read: their order is not known here, and the edit did not change it.
      if (!read.painPointsRead) delete records.painPoints;
      return records;
    };
    const before = recordsOf(read.document, read.known);
    const records = recordsOf(after, check.known);
    if (isEmptyPatch(patchBetween(before, records))) return null;
    const stamp = { version: read.version + 1, at: new Date().toISOString() };
    const afterRows = documentToRows(after);
    afterRows.properties.shape = shiftedShape(read.shape, readShape, shapeOfRows(afterRows));
    await this.store.writeChanges(runner, key, rowChanges(beforeRows, afterRows), stamp);
    await this.history.recordChange(runner, key, { ...stamp, operation: write.operation, author: write.author }, read.version, partialPatch(records, before));
    runner.afterCommit(() => this.newest.advance(key, { version: read.version, at: read.updatedAt }, stamp, partialPatch(before, records)));
    return { version: stamp.version, updatedAt: stamp.at };
  }

  /** The blueprint's own fields as the edit left them; its stages and pain points are read when a client selects them. */
  private answer(document: BlueprintDocument, { version, updatedAt }: { version: number; updatedAt: string }): Blueprint {
    let whole: Promise<Blueprint> | undefined;
    const contents = () =>
      (whole ??= this.blueprints.get(document.key, true).then((blueprint) => {
        if (!blueprint) throw new NotFoundError(`No blueprint has the key "${document.key}"`);
        return blueprint;
      }));
    const header = {
      key: document.key,
      name: document.name,
      description: document.description ?? null,
      state: document.state ?? BlueprintState.CURRENT,
      persona: document.persona ? { name: document.persona.name, description: document.persona.description ?? null } : null,
      version,
      updatedAt,
    };
    // GraphQL awaits a field's promise: the whole tree is read only for a client that asks for it.
    return Object.defineProperties(header as Blueprint, {
      stages: { get: () => contents().then((blueprint) => blueprint.stages), enumerable: true },
      painPoints: { get: () => contents().then((blueprint) => blueprint.painPoints), enumerable: true },
    });
  }
}

/** What the rest of the blueprint holds, for the checks of the part an edit read. */
function outsideOf(read: ScopedBlueprint, readShape: BlueprintShape): OutsideParts {
  if (!read.shape) return { actions: read.actionsOutside, actionCount: 0, references: 0 };
  return {
    actions: read.actionsOutside,
    actionCount: read.shape[2] - readShape[2],
    references: referencesIn(read.shape) - referencesIn(readShape),
  };
}

/** References as checkDocumentRules counts them: dependencies, pain points' actions, causes, systems and owner links. */
const referencesIn = (shape: BlueprintShape) => shape[3] + shape[4] + shape[5] + shape[6] + shape[7];

/**
 * An edit may not change a step it read without its actions: what it does
 * not hold it could not write back. A failure here is a scope too narrow for
 * its edit, a fault of this code, not of the input.
 */
function requireWithinScope({ document: before, closedSteps: closed, painPointsRead }: ScopedBlueprint, after: BlueprintDocument): void {
  if (!painPointsRead && (after.painPoints ?? []).length > 0) throw new Error('An edit changed the pain points, which its scope did not read');
  if (closed.size === 0) return;
  const closedSteps = (document: BlueprintDocument) =>
    document.stages.flatMap((stage) => stage.steps.filter((step) => closed.has(step.key)));
  const same = (a: StepDocument, b: StepDocument) =>
    a.key === b.key && a.name === b.name && b.actions.length === 0 && sameValue(a.evidence, b.evidence);
  const now = closedSteps(after);
  // An added step may repeat a closed one's key: the key checks report that; the closed step itself must stay.
  for (const step of closedSteps(before)) {
    if (!now.some((edited) => same(step, edited))) throw new Error(`An edit changed step "${step.key}", which its scope did not open`);
  }
}

function pointIntoInput(problems: Problem[], prefix: string | undefined, root: string | undefined): Problem[] {
  if (!prefix || !root) return problems;
  return problems.map((problem) =>
    problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`)
      ? { ...problem, path: root + problem.path.slice(prefix.length) }
      : problem,
  );
}
