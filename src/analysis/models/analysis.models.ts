import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Action, PainPoint } from '../../blueprints/models/blueprint.model';
import { Department } from '../../blueprints/models/organisation.model';
import type { PainPointChains } from '../pain-point-chains';

@ObjectType()
export class BlameChain {
  @Field(() => [Action], { description: 'a walk from an entry action (first) to an action of the department (last)' })
  actions: Action[];
  @Field(() => Float, {
    description: "the department's part of what the last action kept of the impact that travelled along exactly that walk",
  })
  mass: number;
}

/** Where the chains of one contribution come from, kept until a client asks for them. */
export interface ChainSource {
  chains: PainPointChains;
  department: string;
}

@ObjectType()
export class PainContribution {
  @Field(() => PainPoint) painPoint: PainPoint;
  @Field(() => Float) score: number;
  chainSource: ChainSource;
}

@ObjectType()
export class DepartmentRootCause {
  @Field(() => Int, { description: '1-based, by score desc, ties by key asc' }) rank: number;
  @Field(() => Department) department: Department;
  @Field(() => Float) score: number;
  @Field(() => Float, { description: "score / sum of all departments' scores" }) share: number;
  @Field(() => [PainContribution], { description: 'by score desc' }) contributions: PainContribution[];
}

@ObjectType()
export class RootCauseReport {
  @Field(() => Float, { description: 'sum of the impacts of the pain points in scope' }) totalImpact: number;
  @Field(() => Float) unattributedImpact: number;
  @Field(() => Int) painPointCount: number;
  @Field(() => [DepartmentRootCause], { description: 'by rank' }) departments: DepartmentRootCause[];
}

@ObjectType({ description: 'sorted by impact desc, handoffs desc, from.key, to.key' })
export class DepartmentDependency {
  @Field(() => Department) from: Department;
  @Field(() => Department) to: Department;
  @Field(() => Int) handoffs: number;
  @Field(() => Float) impact: number;
  @Field(() => [String], { description: 'keys, ascending' }) blueprints: string[];
}

@ObjectType()
export class TraceNode {
  @Field(() => Action) action: Action;
  @Field(() => Int, { description: 'the smallest depth at which mass reached the action' }) depth: number;
  @Field(() => Float) received: number;
  @Field(() => Float) kept: number;
  @Field(() => [Department]) departments: Department[];
}

@ObjectType()
export class TraceEdge {
  @Field(() => Action) from: Action;
  @Field(() => Action) to: Action;
  @Field(() => Float) mass: number;
}

@ObjectType()
export class PainTrace {
  @Field(() => PainPoint) painPoint: PainPoint;
  @Field(() => Float) impact: number;
  @Field(() => Float) unattributed: number;
  @Field(() => [TraceNode], { description: 'every action the mass reached, by depth then document order' })
  nodes: TraceNode[];
  @Field(() => [TraceEdge], { description: 'every DEPENDS_ON edge that carried mass, by mass desc' })
  edges: TraceEdge[];
}
