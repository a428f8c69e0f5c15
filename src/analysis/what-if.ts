import { compareKeys } from '../common/compare-keys';
import { FlowParams } from './blame-flow';
import { departmentsOf } from './flow-model';
import { BlameLevel, DepartmentOutcome, Fix, PainPointOutcome, WhatIfReport } from './models/decision.models';
import { Placement, placedPainPoints } from './placements';
import { ScopedPainPoint } from './root-causes';

/**
 * What a fix removes (docs/domain.md, "What a fix removes"): the placements
 * the fixes match, each once however many match it. An attribution of
 * today's blame, not a simulation of a changed service.
 */

/** A pain point counts as resolved when what remains of it is at most this share of its impact. */
export const RESOLVED_TOLERANCE = 1e-9;

export function matchesFix(placement: Placement, fix: Fix): boolean {
  switch (fix.level) {
    case BlameLevel.DEPARTMENT:
      return placement.department?.key === fix.key;
    case BlameLevel.ROLE:
    case BlameLevel.SYSTEM:
    case BlameLevel.PROCESS:
      return placement.source?.kind === fix.level && placement.source.entity?.key === fix.key;
    case BlameLevel.ACTION:
      return placement.blueprintKey === fix.blueprintKey && placement.action.key === fix.key;
    case BlameLevel.STEP:
      return placement.blueprintKey === fix.blueprintKey && placement.action.stepKey === fix.key;
    default:
      return false;
  }
}

export async function whatIfReport(scoped: ScopedPainPoint[], fixes: Fix[], params: FlowParams): Promise<WhatIfReport> {
  const departments = departmentsOf([...new Set(scoped.map(({ flow }) => flow))]);
  const before = new Map<string, number>();
  const removedFrom = new Map<string, number>();
  const painPoints: PainPointOutcome[] = [];
  let totalImpact = 0;
  let removedImpact = 0;
  let resolvedPainPoints = 0;

  for await (const { painPoint, result, placements } of placedPainPoints(scoped, params)) {
    totalImpact += result.impact;
    for (const [key, score] of result.departments) before.set(key, (before.get(key) ?? 0) + score);
    let removed = 0;
    for (const placement of placements) {
      if (!fixes.some((fix) => matchesFix(placement, fix))) continue;
      removed += placement.mass;
      if (placement.department) removedFrom.set(placement.department.key, (removedFrom.get(placement.department.key) ?? 0) + placement.mass);
    }
    removedImpact += removed;
    const remaining = result.impact - removed;
    const resolved = remaining <= RESOLVED_TOLERANCE * result.impact;
    if (resolved) resolvedPainPoints++;
    if (removed > 0) painPoints.push({ painPoint, impact: result.impact, removed, remaining, resolved });
  }

  const outcomes: DepartmentOutcome[] = [...before]
    .filter(([, score]) => score > 0)
    .map(([key, score]) => ({ department: departments.get(key)!, before: score, after: score - (removedFrom.get(key) ?? 0) }))
    .sort((a, b) => b.before - a.before || compareKeys(a.department.key, b.department.key));
  painPoints.sort(
    (a, b) =>
      b.removed - a.removed ||
      compareKeys(a.painPoint.blueprintKey, b.painPoint.blueprintKey) ||
      compareKeys(a.painPoint.key, b.painPoint.key),
  );
  return {
    totalImpact,
    removedImpact,
    remainingImpact: totalImpact - removedImpact,
    removedShare: totalImpact > 0 ? removedImpact / totalImpact : 0,
    resolvedPainPoints,
    painPoints,
    departments: outcomes,
  };
}

/** What each of several fix-sets removes (the value of opportunities), from one pass over the pain points in scope. */
export interface FixSetValue {
  removedImpact: number;
  removedShare: number;
  resolvedPainPoints: number;
}

export async function fixSetValues(scoped: ScopedPainPoint[], fixSets: Fix[][], params: FlowParams): Promise<FixSetValue[]> {
  const removed = fixSets.map(() => 0);
  const resolved = fixSets.map(() => 0);
  let totalImpact = 0;
  for await (const { result, placements } of placedPainPoints(scoped, params)) {
    totalImpact += result.impact;
    fixSets.forEach((fixes, i) => {
      let here = 0;
      for (const placement of placements) if (fixes.some((fix) => matchesFix(placement, fix))) here += placement.mass;
      removed[i] += here;
      if (result.impact - here <= RESOLVED_TOLERANCE * result.impact) resolved[i]++;
    });
  }
  return fixSets.map((_, i) => ({
    removedImpact: removed[i],
    removedShare: totalImpact > 0 ? removed[i] / totalImpact : 0,
    resolvedPainPoints: resolved[i],
  }));
}
