import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Action, PainPoint } from '../../blueprints/models/blueprint.model';
import { Department } from '../../blueprints/models/organisation.model';
import type { PainPointChains } from '../pain-point-chains';

@ObjectType({ description: 'One walk along DEPENDS_ON that carried blame of a pain point to a department.' })
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

@ObjectType({ description: "What one pain point contributed to a department's root-cause score." })
export class PainContribution {
  @Field(() => PainPoint, { description: 'the pain point' }) painPoint: PainPoint;
  @Field(() => Float, { description: 'the part of its impact that the department received, in impact units (severity x frequency)' }) score: number;
  chainSource: ChainSource;
}

@ObjectType({ description: "A department's place in the root-cause ranking, with the pain points that make up its score." })
export class DepartmentRootCause {
  @Field(() => Int, { description: '1-based, by score desc, ties by key asc' }) rank: number;
  @Field(() => Department, { description: 'the department' }) department: Department;
  @Field(() => Float, { description: 'the blame it received over the pain points in scope, in impact units; always above 0' }) score: number;
  @Field(() => Float, { description: "score / sum of all departments' scores, in (0, 1]" }) share: number;
  @Field(() => [PainContribution], { description: 'what each pain point contributed, by score desc' }) contributions: PainContribution[];
}

@ObjectType({ description: 'Which departments cause the pain points in scope, by blame flow; the scores plus unattributedImpact add up to totalImpact.' })
export class RootCauseReport {
  @Field(() => Float, { description: 'sum of the impacts (severity x frequency) of the pain points in scope' }) totalImpact: number;
  @Field(() => Float, { description: 'the impact kept by actions with no owning department, attributed to none' }) unattributedImpact: number;
  @Field(() => Int, { description: 'how many pain points are in scope' }) painPointCount: number;
  @Field(() => [DepartmentRootCause], { description: 'the departments with a score above 0, by rank' }) departments: DepartmentRootCause[];
}

@ObjectType({
  description: 'One department relying on another ("from relies on to") through handoffs; sorted by impact desc, handoffs desc, from.key, to.key',
})
export class DepartmentDependency {
  @Field(() => Department, { description: 'the department that relies: an owner of the depending actions' }) from: Department;
  @Field(() => Department, { description: 'the department relied on: an owner of the actions depended on' }) to: Department;
  @Field(() => Int, { description: 'how many DEPENDS_ON edges lead from an action owned by `from` to one owned by `to`' }) handoffs: number;
  @Field(() => Float, {
    description: "the blame (default parameters, pain points in scope) that crossed these handoffs, each edge's mass split equally over its pairs of owners",
  })
  impact: number;
  @Field(() => [String], { description: 'the keys of the blueprints the handoffs occur in, ascending' }) blueprints: string[];
}

@ObjectType({ description: 'One action that the blame of a pain point reached.' })
export class TraceNode {
  @Field(() => Action, { description: 'the action' }) action: Action;
  @Field(() => Int, { description: 'the smallest depth at which mass reached the action; 0 for an entry action' }) depth: number;
  @Field(() => Float, { description: 'the mass that arrived at it, over every chain' }) received: number;
  @Field(() => Float, { description: 'the part of received that it kept (the rest passed on to its dependencies)' }) kept: number;
  @Field(() => [Department], { description: 'its owning departments, which share what it kept equally; empty when none, and then kept is unattributed' })
  departments: Department[];
}

@ObjectType({ description: 'One DEPENDS_ON edge that carried blame of a pain point.' })
export class TraceEdge {
  @Field(() => Action, { description: 'the depending action' }) from: Action;
  @Field(() => Action, { description: 'the action depended on' }) to: Action;
  @Field(() => Float, { description: 'the mass passed along it, over every chain' }) mass: number;
}

@ObjectType({ description: 'Where the blame of one pain point flowed: every action and edge it reached.' })
export class PainTrace {
  @Field(() => PainPoint, { description: 'the pain point' }) painPoint: PainPoint;
  @Field(() => Float, { description: 'its impact (severity x frequency): the mass that entered the flow' }) impact: number;
  @Field(() => Float, { description: 'the mass kept by actions with no owning department' }) unattributed: number;
  @Field(() => [TraceNode], { description: 'every action the mass reached, by depth then document order' })
  nodes: TraceNode[];
  @Field(() => [TraceEdge], { description: 'every DEPENDS_ON edge that carried mass, by mass desc' })
  edges: TraceEdge[];
}
