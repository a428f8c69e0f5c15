import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { Neo4jExecutor } from '../database/executor';
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
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
    private readonly blueprints: BlueprintsService,
  ) {}

  edit(blueprintKey: string, change: (document: BlueprintDocument) => void): Promise<Blueprint> {
    return this.executor.write(async (runner) => {
      const [locked] = await runner.run('blueprint-touch', { key: blueprintKey });
      if (!locked) throw new NotFoundError(`No blueprint has the key "${blueprintKey}"`);
      const current = await this.blueprints.documentIn(runner, blueprintKey);
      change(current);
      const { document, problems, externalReferences } = checkDocument(current);
      if (!document) throw new BadUserInputError(problems);
      const check = await this.store.checkImport(runner, blueprintKey, externalReferences);
      const allProblems = [...problems, ...check.problems];
      if (allProblems.length > 0) throw new BadUserInputError(allProblems);
      await this.store.write(runner, blueprintKey, documentToRows(document));
      return (await this.store.one(runner, blueprintKey))!;
    });
  }
}
