import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { IsKey, IsOneOf } from '../../common/validation-rules';
import { Action, PainPoint } from '../../blueprints/models/blueprint.model';
import { Department } from '../../blueprints/models/organisation.model';

export enum BlameLevel {
  DEPARTMENT = 'DEPARTMENT',
  ROLE = 'ROLE',
  SYSTEM = 'SYSTEM',
  PROCESS = 'PROCESS',
  ACTION = 'ACTION',
  STEP = 'STEP',
  LANE = 'LANE',
}
registerEnumType(BlameLevel, { name: 'BlameLevel', description: 'What blame is summed by: an organisation entity, an action or step of a blueprint, or a lane' });

@ObjectType({ description: 'One entry of a blame ranking' })
export class BlameEntry {
  @Field(() => Int, { description: 'by score desc, then blueprintKey, then key, asc' }) rank: number;
  @Field({ description: "the entity's, action's or step's key; the lane's name for LANE" }) key: string;
  @Field({ description: "its name; the lane's name for LANE" }) name: string;
  @Field(() => String, { nullable: true, description: 'for ACTION and STEP; null otherwise' }) blueprintKey: string | null;
  @Field(() => Float) score: number;
  @Field(() => Float, { description: "score / sum of all entries' scores" }) share: number;
  @Field(() => Int, { description: 'pain points that put mass on it' }) painPointCount: number;
}

@ObjectType({ description: 'Blame summed by a level: the placements of the blame flow grouped another way' })
export class BlameReport {
  @Field(() => BlameLevel) level: BlameLevel;
  @Field(() => Float) totalImpact: number;
  @Field(() => Float, { description: "totalImpact minus the sum of the entries' scores" }) unplacedImpact: number;
  @Field(() => Int) painPointCount: number;
  @Field(() => [BlameEntry], { description: 'by rank' }) entries: BlameEntry[];
}

@InputType({ description: 'One thing a fix removes the blame of' })
export class FixInput {
  @Field(() => BlameLevel, { description: 'not LANE' }) @IsOneOf(Object.values(BlameLevel)) level: BlameLevel;
  // A key that names nothing is reported as such, by level, so any string passes here.
  @Field() @IsString() key: string;
  @Field(() => String, { nullable: true, description: 'required for ACTION and STEP, refused otherwise' })
  @IsOptional()
  @IsKey()
  blueprintKey?: string | null;
}

@ObjectType({ description: 'One thing a fix names' })
export class Fix {
  @Field(() => BlameLevel) level: BlameLevel;
  @Field() key: string;
  @Field(() => String, { nullable: true }) blueprintKey: string | null;
}

@ObjectType({ description: 'What a fix does to one pain point' })
export class PainPointOutcome {
  @Field(() => PainPoint) painPoint: PainPoint;
  @Field(() => Float) impact: number;
  @Field(() => Float) removed: number;
  @Field(() => Float) remaining: number;
  @Field({ description: 'remaining is at most 1e-9 times the impact' }) resolved: boolean;
}

@ObjectType({ description: "What a fix does to a department's score" })
export class DepartmentOutcome {
  @Field(() => Department) department: Department;
  @Field(() => Float) before: number;
  @Field(() => Float) after: number;
}

@ObjectType({ description: 'How much of the blame in scope sits on what the fixes name (an attribution, not a simulation)' })
export class WhatIfReport {
  @Field(() => Float) totalImpact: number;
  @Field(() => Float) removedImpact: number;
  @Field(() => Float) remainingImpact: number;
  @Field(() => Float, { description: 'removedImpact / totalImpact; 0 when totalImpact is 0' }) removedShare: number;
  @Field(() => Int) resolvedPainPoints: number;
  @Field(() => [PainPointOutcome], { description: 'those with removed > 0: by removed desc, then blueprintKey, key' })
  painPoints: PainPointOutcome[];
  @Field(() => [DepartmentOutcome], { description: 'those with before > 0: by before desc, then key' })
  departments: DepartmentOutcome[];
}

@ObjectType({ description: 'One of X\u2019s actions (distance 0) or an action that relies on one of them' })
export class DependentAction {
  @Field() blueprintKey: string;
  @Field(() => Action) action: Action;
  @Field(() => Int, { description: 'the fewest DEPENDS_ON steps to one of X\u2019s actions; 0 for X\u2019s own' }) distance: number;
}

@ObjectType({ description: 'What relies on a department, role, system, process or action, across every journey' })
export class Dependents {
  @Field(() => [DependentAction], { description: "X's actions (distance 0) and its dependents; by distance, blueprintKey, action key" })
  actions: DependentAction[];
  @Field(() => [String], { description: 'keys, ascending' }) blueprints: string[];
  @Field(() => Int, { description: 'how many of the listed actions are CUSTOMER actions' }) customerActions: number;
  @Field(() => [Department], { description: 'the owning departments of the dependents, by key' }) departments: Department[];
  @Field(() => [PainPoint], { description: 'the pain points at risk (at, or caused by, a listed action), by blueprintKey, key' })
  painPoints: PainPoint[];
}
