import { Injectable } from '@nestjs/common';
import { BadUserInputError, Problem } from '../common/errors';
import { BlueprintStore } from '../blueprints/blueprint-store';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { checkDocument } from '../blueprints/document-validation';
import { documentToRows } from '../blueprints/document-rows';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { Blueprint } from '../blueprints/models/blueprint.model';

/**
 * Applies one granular edit to a blueprint in one transaction: lock, read the
 * document, change it, check it by the import's rules, write it back.
 */
@Injectable()
export class EditingService {
  constructor(
    private readonly store: BlueprintStore,
    private readonly blueprints: BlueprintsService,
  ) {}

  /**
   * `focus` names the part of the document that the edit's input became, so
   * that problems found in it point into the input (`action.emotion`) rather
   * than into the stored document.
   */
  edit(blueprintKey: string, change: (document: BlueprintDocument) => void, focus?: EditFocus): Promise<Blueprint> {
    return this.blueprints.writeBlueprints(async (runner) => {
      // Read under the blueprint write lock: no other write can change it before this one commits.
      const current = await this.blueprints.documentIn(runner, blueprintKey);
      change(current);
      // Organisation-wide entries are only referenced by an edit, checked against the database as they are now,
      // and never written back: a concurrent change to a role or system must not be undone.
      current.departments = current.roles = current.systems = current.processes = null;
      const { document, problems, externalReferences } = checkDocument(current);
      const check = await this.store.checkImport(runner, blueprintKey, externalReferences);
      const allProblems = [...problems, ...check.problems];
      if (!document || allProblems.length > 0) {
        throw new BadUserInputError(pointIntoInput(allProblems, focus && focus.locate(current), focus?.root));
      }
      await this.store.write(runner, blueprintKey, documentToRows(document));
      return (await this.store.one(runner, blueprintKey))!;
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
