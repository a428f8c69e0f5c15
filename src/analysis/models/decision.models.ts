import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { IsKey, IsOneOf } from '../../common/validation-rules';
import { Action, PainPoint } from '../../blueprints/models/blueprint.model';
import { Department } from '../../blueprints/models/organisation.model';
import { BlameLevel } from './blame-level';

export { BlameLevel };
registerEnumType(BlameLevel, {
  name: 'BlameLevel',
  description: 'What blame is summed by: an organisation entity, an action or step of a blueprint, or a lane',
  valuesMap: {
    DEPARTMENT: { description: 'A department: the blame attributed to it (its rootCauses score).' },
    ROLE: { description: 'A role: the blame its department gets through the actions the role performs.' },
    SYSTEM: { description: 'A system: the blame its department gets through the actions that use it.' },
    PROCESS: { description: 'A process: the blame its department gets through the actions that are part of it.' },
    ACTION: { description: 'An action of a blueprint: all the blame it keeps, attributed or not; named with its blueprintKey.' },
    STEP: { description: "A step of a blueprint: the blame kept by the step's actions; named with its blueprintKey." },
    LANE: { description: 'A lane: the blame kept by its actions over the blueprints in scope; cannot be fixed.' },
  },
});

@ObjectType({ description: 'One entry of a blame ranking' })
export class BlameEntry {
  @Field(() => Int, { description: 'by score desc, then blueprintKey, then key, asc' }) rank: number;
  @Field({ description: "the entity's, action's or step's key; the lane's name for LANE" }) key: string;
  @Field({ description: "its name; the lane's name for LANE" }) name: string;
  @Field(() => String, { nullable: true, description: 'for ACTION and STEP; null otherwise' }) blueprintKey: string | null;
  @Field(() => Float, { description: 'the blame placed on it, in impact units; always above 0' }) score: number;
  @Field(() => Float, { description: "score / sum of all entries' scores, in (0, 1]" }) share: number;
  @Field(() => Int, { description: 'pain points that put mass on it' }) painPointCount: number;
}

@ObjectType({ description: 'Blame summed by a level: the placements of the blame flow grouped another way' })
export class BlameReport {
  @Field(() => BlameLevel, { description: 'the level asked for' }) level: BlameLevel;
  @Field(() => Float, { description: 'sum of the impacts (severity x frequency) of the pain points in scope' }) totalImpact: number;
  @Field(() => Float, {
    description: "totalImpact minus the sum of the entries' scores: blame that falls on no entry of the level (e.g. unattributed, or an owner placement for ROLE)",
  })
  unplacedImpact: number;
  @Field(() => Int, { description: 'how many pain points are in scope' }) painPointCount: number;
  @Field(() => [BlameEntry], { description: 'by rank' }) entries: BlameEntry[];
}

@InputType({ description: 'One thing a fix removes the blame of' })
export class FixInput {
  @Field(() => BlameLevel, { description: 'not LANE' }) @IsOneOf(Object.values(BlameLevel)) level: BlameLevel;
  // A key that names nothing is reported as such, by level, so any string passes here.
  @Field({ description: 'the key of the department, role, system, process, action or step' }) @IsString() key: string;
  @Field(() => String, { nullable: true, description: 'required for ACTION and STEP, refused otherwise' })
  @IsOptional()
  @IsKey()
  blueprintKey?: string | null;
}

@ObjectType({ description: 'One thing a fix names' })
export class Fix {
  @Field(() => BlameLevel, { description: 'what kind of thing it names' }) level: BlameLevel;
  @Field({ description: 'the key of what it names' }) key: string;
  @Field(() => String, { nullable: true, description: 'the blueprint of an ACTION or STEP; null otherwise' }) blueprintKey: string | null;
}

@ObjectType({ description: 'What a fix does to one pain point' })
export class PainPointOutcome {
  @Field(() => PainPoint, { description: 'the pain point' }) painPoint: PainPoint;
  @Field(() => Float, { description: 'its impact (severity x frequency)' }) impact: number;
  @Field(() => Float, { description: 'the part of its impact that sits on what the fixes name' }) removed: number;
  @Field(() => Float, { description: 'impact minus removed' }) remaining: number;
  @Field({ description: 'remaining is at most 1e-9 times the impact' }) resolved: boolean;
}

@ObjectType({ description: "What a fix does to a department's score" })
export class DepartmentOutcome {
  @Field(() => Department, { description: 'the department' }) department: Department;
  @Field(() => Float, { description: 'its root-cause score as the graph is' }) before: number;
  @Field(() => Float, { description: 'its score without the blame the fixes remove (before minus that)' }) after: number;
}

@ObjectType({ description: 'How much of the blame in scope sits on what the fixes name (an attribution, not a simulation)' })
export class WhatIfReport {
  @Field(() => Float, { description: 'sum of the impacts (severity x frequency) of the pain points in scope' }) totalImpact: number;
  @Field(() => Float, { description: 'the blame that sits on what the fixes name, each placement counted once' }) removedImpact: number;
  @Field(() => Float, { description: 'totalImpact minus removedImpact' }) remainingImpact: number;
  @Field(() => Float, { description: 'removedImpact / totalImpact; 0 when totalImpact is 0' }) removedShare: number;
  @Field(() => Int, { description: 'how many pain points in scope the fixes resolve (remaining at most 1e-9 times the impact)' }) resolvedPainPoints: number;
  @Field(() => [PainPointOutcome], { description: 'those with removed > 0: by removed desc, then blueprintKey, key' })
  painPoints: PainPointOutcome[];
  @Field(() => [DepartmentOutcome], { description: 'those with before > 0: by before desc, then key' })
  departments: DepartmentOutcome[];
}

@ObjectType({ description: 'One of X\u2019s actions (distance 0) or an action that relies on one of them' })
export class DependentAction {
  @Field({ description: "the key of the action's blueprint" }) blueprintKey: string;
  @Field(() => Action, { description: 'the action' }) action: Action;
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
