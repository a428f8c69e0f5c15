import { Injectable } from '@nestjs/common';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { checkDocument } from '../blueprints/document-validation';
import { BadUserInputError } from '../common/errors';
import { LintFinding, lintDocument } from './lint-document';

@Injectable()
export class LintService {
  constructor(private readonly blueprints: BlueprintsService) {}

  async lintBlueprint(key: string): Promise<LintFinding[]> {
    return lintDocument(await this.blueprints.export(key));
  }

  /**
   * A document not stored: it must be valid as a document (BAD_USER_INPUT
   * otherwise); the organisation entries it only references are taken to
   * exist, since lint asks only whether an action names an owner.
   */
  lintDocument(raw: unknown): LintFinding[] {
    const { document, problems } = checkDocument(raw);
    if (!document || problems.length > 0) throw new BadUserInputError(problems);
    return lintDocument(document);
  }
}
