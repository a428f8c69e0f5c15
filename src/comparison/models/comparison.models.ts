import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Department } from '../../blueprints/models/organisation.model';

export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'How an element or dependency differs from one side to the other',
  valuesMap: {
    ADDED: { description: 'Present in the blueprint compared to only.' },
    REMOVED: { description: 'Present in the blueprint compared from only.' },
    CHANGED: { description: 'Present on both sides, with document fields that differ.' },
  },
});

@ObjectType({ description: 'A stage, step, action or pain point that differs, matched by key' })
export class ElementChange {
  @Field({ description: "the element's key" }) key: string;
  @Field(() => ChangeKind, { description: 'how it differs' }) change: ChangeKind;
  @Field(() => [String], { description: 'for CHANGED, the differing document fields, sorted (step/stage when it moved)' })
  fields: string[];
}

@ObjectType({ description: 'A dependency `from -> to` present on one side only' })
export class DependencyChange {
  @Field({ description: 'the key of the depending action' }) from: string;
  @Field({ description: 'the key of the action depended on' }) to: string;
  @Field(() => ChangeKind, { description: 'ADDED or REMOVED' }) change: ChangeKind;
}

@ObjectType({ description: "A department's blame (default parameters) on each side, where it differs" })
export class DepartmentScoreChange {
  @Field(() => Department, { description: 'the department' }) department: Department;
  @Field(() => Float, { description: 'its root-cause score in the blueprint compared from; 0 when it has none there' }) before: number;
  @Field(() => Float, { description: 'its root-cause score in the blueprint compared to; 0 when it has none there' }) after: number;
}

@ObjectType({ description: 'The handoffs from one department to another on each side, where their number differs' })
export class HandoffChange {
  @Field(() => Department, { description: 'the department that relies' }) from: Department;
  @Field(() => Department, { description: 'the department relied on' }) to: Department;
  @Field(() => Int, { description: 'the number of handoffs in the blueprint compared from; 0 when none' }) before: number;
  @Field(() => Int, { description: 'the number of handoffs in the blueprint compared to; 0 when none' }) after: number;
}

@ObjectType({ description: 'What differs from blueprint `from` (before) to blueprint `to` (after)' })
export class BlueprintComparison {
  @Field({ description: 'the key of the blueprint compared from (before)' }) from: string;
  @Field({ description: 'the key of the blueprint compared to (after)' }) to: string;
  @Field(() => Int, { description: 'the version of `from` compared: the one asked for, else its current one' }) fromVersion: number;
  @Field(() => Int, { description: 'the version of `to` compared: the one asked for, else its current one' }) toVersion: number;
  @Field(() => [String], { description: "the blueprint's own fields that differ (name, description, state, persona), sorted" })
  properties: string[];
  @Field(() => [ElementChange], { description: 'by key' }) stages: ElementChange[];
  @Field(() => [ElementChange], { description: 'by key' }) steps: ElementChange[];
  @Field(() => [ElementChange], { description: 'by key' }) actions: ElementChange[];
  @Field(() => [ElementChange], { description: 'by key' }) painPoints: ElementChange[];
  @Field(() => [DependencyChange], { description: 'by from, then to' }) dependencies: DependencyChange[];
  @Field(() => [DepartmentScoreChange], { description: 'departments whose score differs: by (after - before) ascending, then key' })
  departments: DepartmentScoreChange[];
  @Field(() => [HandoffChange], { description: 'pairs whose handoff count differs: by from key, then to key' })
  handoffs: HandoffChange[];
  @Field(() => Float, { description: 'sum of the impacts (severity x frequency) of the pain points of the blueprint compared from' }) totalImpactBefore: number;
  @Field(() => Float, { description: 'sum of the impacts (severity x frequency) of the pain points of the blueprint compared to' }) totalImpactAfter: number;
}
