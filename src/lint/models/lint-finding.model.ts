import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LintSeverity } from './lint-severity';

export { LintSeverity };
registerEnumType(LintSeverity, {
  name: 'LintSeverity',
  description: 'WARNING: worth fixing before a review; INFO: worth a look',
  valuesMap: {
    WARNING: { description: 'Worth fixing before a review; the command line `blueprint lint` exits 1 on one.' },
    INFO: { description: 'Worth a look; may be intended.' },
  },
});

@ObjectType({ description: 'One finding of blueprint lint (docs/domain.md, "Blueprint lint")' })
export class LintFinding {
  @Field({ description: 'UNOWNED_ACTION, STEP_WITHOUT_CUSTOMER, DEPENDENCY_CYCLE, UNATTRIBUTED_PAIN, UNUSED_BACKSTAGE or REVERSE_DEPENDENCY' })
  rule: string;
  @Field(() => LintSeverity, { description: "how much it matters, fixed by its rule" }) severity: LintSeverity;
  @Field({ description: 'where in the document, as in BAD_USER_INPUT problems' }) path: string;
  @Field({ description: 'what is wrong and what to do' }) message: string;
}
