import { Injectable } from '@nestjs/common';
import { BadUserInputError, Problem } from '../common/errors';
import { QueryRunner } from '../database/executor';
import { blueprintToDocument } from '../blueprints/blueprint-assembly';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { BlueprintsService, REFERENCES_ONLY } from '../blueprints/blueprints.service';
import { BlueprintHistory } from '../history/blueprint-history';
import { fromRecords } from '../history/document-records';
import { checkEditedDocument } from './edit-check';
import { WriteRequest, checkExpectedVersion } from '../history/write-request';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { Blueprint } from '../blueprints/models/blueprint.model';

/** Which blueprint an edit changes, who asks, and against which version. */
export interface EditRequest extends WriteRequest {
  blueprintKey: string;
}

/**
 * Applies one granular edit to a blueprint in one transaction: lock, read the
 * document, change it, check it by the import's rules, write it back with the
 * version it makes.
 */
@Injectable()
export class EditingService {
  constructor(
    private readonly store: BlueprintStore,
    private readonly blueprints: BlueprintsService,
    private readonly history: BlueprintHistory,
  ) {}

  /**
   * `focus` names the part of the document that the edit's input became, so
   * that problems found in it point into the input (`action.emotion`) rather
   * than into the stored document. An edit that changes nothing writes
   * nothing and answers the blueprint as it is.
   */
  edit(
    request: EditRequest,
    change: (document: BlueprintDocument, runner: QueryRunner) => void | Promise<void>,
    focus?: EditFocus,
  ): Promise<Blueprint> {
    const key = request.blueprintKey;
    return this.blueprints.writeBlueprints(async (runner) => {
      // Read under the blueprint write lock: no other write can change it before this one commits. The newest
      // version holds the whole document, one record however large the blueprint; a blueprint written before
      // versions were kept is read from the graph. Organisation-wide entries are only referenced by an edit,
      // checked against the database as they are now, and never written back: a concurrent change to a role
      // or system must not be undone.
      const latest = await this.history.latest(runner, key);
      const stored = latest ? null : await this.blueprints.blueprintIn(runner, key);
      checkExpectedVersion(key, request, latest?.version ?? stored!.version);
      const own = latest ? fromRecords(latest.records) : blueprintToDocument(stored!);
      const before = { ...own, ...REFERENCES_ONLY } as BlueprintDocument;
      const current = structuredClone(before);
      await change(current, runner);
      Object.assign(current, REFERENCES_ONLY);
      const { document, problems, externalReferences } = checkEditedDocument(before, current);
      const check = await this.store.checkImport(runner, key, externalReferences);
      const allProblems = [...problems, ...check.problems];
      if (!document || allProblems.length > 0) {
        throw new BadUserInputError(pointIntoInput(allProblems, focus && focus.locate(current), focus?.root));
      }
      const written = await this.blueprints.commitEdit(runner, before, document, check, request, latest);
      return written ?? stored ?? (await this.blueprints.blueprintIn(runner, key));
    });
  }

  /**
   * Makes a kept version the blueprint's next one: its stages, actions and
   * pain points as they were, referencing the organisation as it is now.
   */
  restore(request: EditRequest, version: number): Promise<Blueprint> {
    const operation = `${request.operation} (version ${version})`;
    return this.edit({ ...request, operation }, async (current, runner) => {
      const { document } = await this.history.document(runner, request.blueprintKey, version);
      Object.assign(current, document, REFERENCES_ONLY);
    });
  }
}

export interface EditFocus {
  /** The input argument's name, e.g. `action`. */
  root: string;
  /** The path of the edited part in the changed document, e.g. `document.stages[3].steps[0].actions[2]`. */
  locate(document: BlueprintDocument): string | undefined;
}

function pointIntoInput(problems: Problem[], prefix: string | undefined, root: string | undefined): Problem[] {
  if (!prefix || !root) return problems;
  return problems.map((problem) =>
    problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`)
      ? { ...problem, path: root + problem.path.slice(prefix.length) }
      : problem,
  );
}
