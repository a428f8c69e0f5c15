import { Args, Query, Resolver } from '@nestjs/graphql';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { LintService } from './lint.service';
import { LintFinding } from './models/lint-finding.model';

@Resolver(() => LintFinding)
export class LintResolver {
  constructor(private readonly lint: LintService) {}

  @Query(() => [LintFinding], { description: "Blueprint lint's findings on a stored blueprint, in document order; NOT_FOUND if absent" })
  lintBlueprint(@Args('key', { description: "the stored blueprint's key" }) key: string): Promise<LintFinding[]> {
    return this.lint.lintBlueprint(key);
  }

  @Query(() => [LintFinding], { description: 'The same checks on a document not stored; BAD_USER_INPUT if it is not a valid document' })
  lintDocument(@Args('document', { type: () => BlueprintDocument, description: 'the document to check, as importBlueprint takes it' }) document: BlueprintDocument): LintFinding[] {
    return this.lint.lintDocument(document);
  }
}
