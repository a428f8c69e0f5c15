import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Fix } from '../../analysis/models/decision.models';
import { Department } from '../../blueprints/models/organisation.model';

export enum OpportunityStatus {
  IDEA = 'IDEA',
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(OpportunityStatus, { name: 'OpportunityStatus' });

@ObjectType({ description: 'A named, owned fix-set that the organisation tracks; its value is computed from the graph as it is now, never typed in' })
export class Opportunity {
  @Field() key: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => OpportunityStatus) status: OpportunityStatus;
  @Field(() => Int, { description: '1..5' }) effort: number;
  @Field(() => Department, { nullable: true }) owner: Department | null;
  @Field(() => [Fix]) fixes: Fix[];
  @Field(() => Float, { description: 'over every blueprint, default parameters, as the graph is now' }) removedImpact: number;
  @Field(() => Float, { description: 'of the total impact of every blueprint' }) removedShare: number;
  @Field(() => Int) resolvedPainPoints: number;
  @Field(() => Float, { description: 'removedImpact / effort' }) valuePerEffort: number;
  @Field(() => [Fix], { description: 'fixes that name nothing that exists now (they remove nothing)' }) staleFixes: Fix[];
}
