import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Fix } from '../../analysis/models/decision.models';
import { Department } from '../../blueprints/models/organisation.model';

export enum OpportunityStatus {
  IDEA = 'IDEA',
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(OpportunityStatus, {
  name: 'OpportunityStatus',
  description: 'Where an opportunity stands; its value is computed the same way whatever its status.',
  valuesMap: {
    IDEA: { description: 'Proposed, not yet planned (the default).' },
    PLANNED: { description: 'Decided on and planned.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    DONE: { description: 'Carried out.' },
  },
});

@ObjectType({ description: 'A named, owned fix-set that the organisation tracks; its value is computed from the graph as it is now, never typed in' })
export class Opportunity {
  @Field({ description: 'its unique key' }) key: string;
  @Field({ description: 'a short title, 1..200 characters' }) title: string;
  @Field(() => String, { nullable: true, description: 'free text, up to 5,000 characters; null when none' }) description: string | null;
  @Field(() => OpportunityStatus, { description: 'where it stands' }) status: OpportunityStatus;
  @Field(() => Int, { description: 'the effort it takes, an integer from 1 (least) to 5 (most)' }) effort: number;
  @Field(() => Department, { nullable: true, description: 'the department that owns it; null when none' }) owner: Department | null;
  @Field(() => [Fix], { description: 'what it would fix, as given' }) fixes: Fix[];
  @Field(() => Float, { description: 'the blame its fixes remove, over every blueprint, default parameters, as the graph is now' }) removedImpact: number;
  @Field(() => Float, { description: 'removedImpact as a share of the total impact of every blueprint, 0..1' }) removedShare: number;
  @Field(() => Int, { description: 'how many pain points, over every blueprint, its fixes resolve' }) resolvedPainPoints: number;
  @Field(() => Float, { description: 'removedImpact / effort' }) valuePerEffort: number;
  @Field(() => [Fix], { description: 'fixes that name nothing that exists now (they remove nothing)' }) staleFixes: Fix[];
}
