import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { BlueprintState, Channel, Lane, PainCategory } from './enums';
import { Department, Process, Role, System } from './organisation.model';

/**
 * The blueprint as clients read it. Objects are assembled in memory from one
 * query per request, so nested fields resolve without further round trips.
 */

@ObjectType()
export class Action {
  @Field() key: string;
  @Field(() => Lane) lane: Lane;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Channel, { nullable: true }) channel: Channel | null;
  @Field(() => String, { nullable: true }) touchpoint: string | null;
  @Field(() => Int, { nullable: true }) emotion: number | null;
  @Field(() => Role, { nullable: true }) role: Role | null;
  @Field(() => Department, { nullable: true }) department: Department | null;
  @Field(() => Process, { nullable: true }) process: Process | null;
  @Field(() => [System]) systems: System[];
  @Field(() => [Action]) dependsOn: Action[];
  @Field(() => [Department], { description: 'the distinct owning departments, by key' }) owners: Department[];
  /** Not exposed: where the action sits, for layouts and ordering. */
  stepKey: string;
  position: number;
}

@ObjectType()
export class Step {
  @Field() key: string;
  @Field() name: string;
  @Field(() => [String]) evidence: string[];
  @Field(() => [Action]) actions: Action[];
}

@ObjectType()
export class Stage {
  @Field() key: string;
  @Field() name: string;
  @Field(() => [Step]) steps: Step[];
}

@ObjectType()
export class Persona {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType()
export class PainPoint {
  @Field() key: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Int) severity: number;
  @Field(() => Float) frequency: number;
  @Field(() => Float, { description: 'severity x frequency' }) impact: number;
  @Field(() => PainCategory) category: PainCategory;
  @Field(() => Action) action: Action;
  @Field(() => [Action]) causes: Action[];
  @Field() blueprintKey: string;
}

@ObjectType()
export class Blueprint {
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => BlueprintState) state: BlueprintState;
  @Field(() => Persona, { nullable: true }) persona: Persona | null;
  @Field(() => [Stage]) stages: Stage[];
  @Field(() => [PainPoint]) painPoints: PainPoint[];
  @Field(() => Int, { description: '1 at creation, +1 for every write that changes it' }) version: number;
  @Field({ description: 'when its current version was written (ISO 8601, UTC)' }) updatedAt: string;
}
