import { ArgsType, Field, Float, Int, IntersectionType } from '@nestjs/graphql';
import { Problem } from '../../common/errors';
import { DEFAULT_FLOW_PARAMS, FlowParams } from '../blame-flow';
import { BlameLevel, FixInput } from '../models/decision.models';
import { StatesArgs } from '../../blueprints/dto/states.args';

/**
 * The arguments of the analysis queries, with their defaults, and the one
 * check of their ranges. The command line and the pages take their defaults
 * from DEFAULT_FLOW_PARAMS too.
 */

export const MAX_DEPTH_LIMIT = 20;
export const SEVERITY_RANGE = { min: 1, max: 5 } as const;

@ArgsType()
export class FlowArgs {
  @Field(() => Float, { nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.retention, description: 'the share an action keeps, 0..1' })
  retention?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.maxDepth, description: `how far blame travels, 0..${MAX_DEPTH_LIMIT}` })
  maxDepth?: number | null;
}

/** Which blueprints a question is about: one by key, or every one in the states given (every state when absent). */
@ArgsType()
export class BlueprintScopeArgs extends StatesArgs {
  @Field(() => String, { nullable: true, description: 'one blueprint (NOT_FOUND if it does not exist); every blueprint when absent' })
  blueprintKey?: string | null;
}

@ArgsType()
export class ScopeArgs extends IntersectionType(FlowArgs, BlueprintScopeArgs, ArgsType) {
  @Field(() => Int, { nullable: true, description: 'only pain points of at least this severity, 1..5' })
  minSeverity?: number | null;
}

@ArgsType()
export class PainPointScopeArgs extends ScopeArgs {
  @Field(() => [String], { nullable: true, description: 'only these pain points of the blueprint named by blueprintKey' })
  painPointKeys?: string[] | null;
}

@ArgsType()
export class BlameArgs extends PainPointScopeArgs {
  @Field(() => BlameLevel, { description: 'what the blame is summed by' }) level: BlameLevel;
}

@ArgsType()
export class WhatIfArgs extends ScopeArgs {
  @Field(() => [FixInput], { description: 'what would be fixed; a placement that several match is removed once' })
  fixes: FixInput[];
}

/** An explicit null means the default, as an absent argument does. */
export function flowParamsOf(args: FlowArgs): FlowParams {
  return { retention: args.retention ?? DEFAULT_FLOW_PARAMS.retention, maxDepth: args.maxDepth ?? DEFAULT_FLOW_PARAMS.maxDepth };
}

/** Every problem of the scope arguments, each at its argument. */
export function scopeProblems(args: PainPointScopeArgs): Problem[] {
  const problems: Problem[] = [];
  const { retention, maxDepth } = flowParamsOf(args);
  if (!(retention >= 0 && retention <= 1)) problems.push({ path: 'retention', message: 'must be a number from 0 to 1' });
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > MAX_DEPTH_LIMIT) {
    problems.push({ path: 'maxDepth', message: `must be an integer from 0 to ${MAX_DEPTH_LIMIT}` });
  }
  problems.push(...minSeverityProblems(args.minSeverity));
  if (args.painPointKeys != null && args.blueprintKey == null) {
    problems.push({ path: 'painPointKeys', message: 'needs a blueprintKey: pain point keys are unique within a blueprint only' });
  }
  return problems;
}

/** The problem of a `minSeverity` outside 1..5. */
export function minSeverityProblems(severity: number | null | undefined): Problem[] {
  return severity != null && (!Number.isInteger(severity) || severity < SEVERITY_RANGE.min || severity > SEVERITY_RANGE.max)
    ? [{ path: 'minSeverity', message: `must be an integer from ${SEVERITY_RANGE.min} to ${SEVERITY_RANGE.max}` }]
    : [];
}

/** The problems of fixes that need no database: the level, and a blueprintKey exactly where one is needed. */
export function fixProblems(fixes: FixInput[], root = 'fixes'): Problem[] {
  const problems: Problem[] = [];
  fixes.forEach((fix, i) => {
    const path = `${root}[${i}]`;
    if (fix.level === BlameLevel.LANE) problems.push({ path: `${path}.level`, message: 'a lane cannot be fixed: name a department, role, system, process, action or step' });
    const needsBlueprint = fix.level === BlameLevel.ACTION || fix.level === BlameLevel.STEP;
    if (needsBlueprint && fix.blueprintKey == null) {
      problems.push({ path: `${path}.blueprintKey`, message: `is needed for ${fix.level}: its key is unique within a blueprint only` });
    }
    if (!needsBlueprint && fix.blueprintKey != null && fix.level !== BlameLevel.LANE) {
      problems.push({ path: `${path}.blueprintKey`, message: `must be left out for ${fix.level}: it is organisation-wide` });
    }
  });
  return problems;
}

@ArgsType()
export class DependentsArgs {
  @Field(() => BlameLevel, { description: 'DEPARTMENT, ROLE, SYSTEM, PROCESS or ACTION' }) level: BlameLevel;
  @Field({ description: 'the key of the department, role, system, process or action' }) key: string;
  @Field(() => String, { nullable: true, description: 'required for ACTION; for the others, only this blueprint' })
  blueprintKey?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FLOW_PARAMS.maxDepth, description: `how many DEPENDS_ON steps, 0..${MAX_DEPTH_LIMIT}` })
  maxDepth?: number | null;
}

/** The levels whose things have dependents. */
export const DEPENDENT_LEVELS: readonly BlameLevel[] = [BlameLevel.DEPARTMENT, BlameLevel.ROLE, BlameLevel.SYSTEM, BlameLevel.PROCESS, BlameLevel.ACTION];

export function dependentsProblems(args: DependentsArgs): Problem[] {
  const problems = scopeProblems({ maxDepth: args.maxDepth });
  if (!DEPENDENT_LEVELS.includes(args.level)) {
    problems.push({ path: 'level', message: 'must be DEPARTMENT, ROLE, SYSTEM, PROCESS or ACTION: steps and lanes are not depended on' });
  }
  if (args.level === BlameLevel.ACTION && args.blueprintKey == null) {
    problems.push({ path: 'blueprintKey', message: 'is needed for ACTION: its key is unique within a blueprint only' });
  }
  return problems;
}
