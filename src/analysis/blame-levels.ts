import { compareKeys } from '../common/compare-keys';
import { FlowParams } from './blame-flow';
import { BlameEntry, BlameLevel, BlameReport } from './models/decision.models';
import { departmentsOf } from './flow-model';
import { Placement, placedPainPoints } from './placements';
import { ScopedPainPoint } from './root-causes';

/**
 * Blame at every level (docs/domain.md, "Blame at every level"): the
 * placements of the blame flow summed by department, role, system, process,
 * action, step or lane. DEPARTMENT sums the flow's own department scores,
 * so that it equals rootCauses exactly.
 */

interface Tally {
  key: string;
  name: string;
  blueprintKey: string | null;
  score: number;
  painPoints: number;
}

/** The entry a placement falls on at a level, or null (it is unplaced there). */
function entryOf(level: BlameLevel, placement: Placement, stepNames: Map<string, string>): Omit<Tally, 'score' | 'painPoints'> | null {
  const { action, blueprintKey, source } = placement;
  switch (level) {
    case BlameLevel.ROLE:
    case BlameLevel.SYSTEM:
    case BlameLevel.PROCESS:
      return source?.kind === level && source.entity ? { key: source.entity.key, name: source.entity.name, blueprintKey: null } : null;
    case BlameLevel.ACTION:
      return { key: action.key, name: action.name, blueprintKey };
    case BlameLevel.STEP:
      return { key: action.stepKey, name: stepNames.get(`${blueprintKey}\u0000${action.stepKey}`) ?? action.stepKey, blueprintKey };
    case BlameLevel.LANE:
      return { key: action.lane, name: action.lane, blueprintKey: null };
    default:
      return null;
  }
}

export async function blameReport(scoped: ScopedPainPoint[], level: BlameLevel, params: FlowParams): Promise<BlameReport> {
  const tallies = new Map<string, Tally>();
  const stepNames = new Map<string, string>();
  const flows = [...new Set(scoped.map(({ flow }) => flow))];
  const departments = departmentsOf(flows);
  for (const flow of flows) for (const [step, name] of flow.stepNames) stepNames.set(`${flow.blueprintKey}\u0000${step}`, name);
  const add = (entry: Omit<Tally, 'score' | 'painPoints'>, mass: number, seen: Set<string>) => {
    const id = `${entry.blueprintKey ?? ''}\u0000${entry.key}`;
    let tally = tallies.get(id);
    if (!tally) tallies.set(id, (tally = { ...entry, score: 0, painPoints: 0 }));
    tally.score += mass;
    if (mass > 0 && !seen.has(id)) {
      seen.add(id);
      tally.painPoints++;
    }
  };

  let totalImpact = 0;
  for await (const { result, placements } of placedPainPoints(scoped, params)) {
    totalImpact += result.impact;
    const seen = new Set<string>();
    if (level === BlameLevel.DEPARTMENT) {
      for (const [key, score] of result.departments) add({ key, name: departments.get(key)!.name, blueprintKey: null }, score, seen);
      continue;
    }
    for (const placement of placements) {
      const entry = entryOf(level, placement, stepNames);
      if (entry) add(entry, placement.mass, seen);
    }
  }

  const listed = [...tallies.values()]
    .filter((tally) => tally.score > 0)
    .sort((a, b) => b.score - a.score || compareKeys(a.blueprintKey ?? '', b.blueprintKey ?? '') || compareKeys(a.key, b.key));
  const sum = listed.reduce((total, tally) => total + tally.score, 0);
  const entries: BlameEntry[] = listed.map((tally, index) => ({
    rank: index + 1,
    key: tally.key,
    name: tally.name,
    blueprintKey: tally.blueprintKey,
    score: tally.score,
    share: tally.score / sum,
    painPointCount: tally.painPoints,
  }));
  return { level, totalImpact, unplacedImpact: totalImpact - sum, painPointCount: scoped.length, entries };
}
