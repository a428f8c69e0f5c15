import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Department } from '../../blueprints/models/organisation.model';

export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(ChangeKind, { name: 'ChangeKind', description: 'How an element or dependency differs from one side to the other' });

@ObjectType({ description: 'A stage, step, action or pain point that differs, matched by key' })
export class ElementChange {
  @Field() key: string;
  @Field(() => ChangeKind) change: ChangeKind;
  @Field(() => [String], { description: 'for CHANGED, the differing document fields, sorted (step/stage when it moved)' })
  fields: string[];
}

@ObjectType({ description: 'A dependency `from -> to` present on one side only' })
export class DependencyChange {
  @Field() from: string;
  @Field() to: string;
  @Field(() => ChangeKind, { description: 'ADDED or REMOVED' }) change: ChangeKind;
}

@ObjectType({ description: "A department's blame (default parameters) on each side, where it differs" })
export class DepartmentScoreChange {
  @Field(() => Department) department: Department;
  @Field(() => Float) before: number;
  @Field(() => Float) after: number;
}

@ObjectType({ description: 'The handoffs from one department to another on each side, where their number differs' })
export class HandoffChange {
  @Field(() => Department) from: Department;
  @Field(() => Department) to: Department;
  @Field(() => Int) before: number;
  @Field(() => Int) after: number;
}

@ObjectType({ description: 'What differs from blueprint `from` (before) to blueprint `to` (after)' })
export class BlueprintComparison {
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
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
  @Field(() => Float) totalImpactBefore: number;
  @Field(() => Float) totalImpactAfter: number;
}
