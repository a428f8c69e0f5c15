import { BenchContext, MeasurementResult, bar, summaryCells, times } from '../bench-context';
import { sampleAlternately, summarise } from '../statistics';

/**
 * The decision queries against rootCauses over every blueprint, over HTTP,
 * sampled alternately in one run: blame at each level, and whatIf with ten
 * fixes. All three walk the same blame flow of every pain point once; blame
 * and whatIf add the placements of what each action keeps.
 */

const ROOT_CAUSES = '{ rootCauses { totalImpact unattributedImpact departments { rank score share department { key } } } }';
const BLAME = `query($level: BlameLevel!) { blame(level: $level) { totalImpact unplacedImpact entries { rank key blueprintKey score share painPointCount } } }`;
const WHAT_IF = `query($fixes: [FixInput!]!) { whatIf(fixes: $fixes) {
  removedImpact resolvedPainPoints painPoints { painPoint { key blueprintKey } removed } departments { department { key } before after } } }`;
const LEVELS = ['DEPARTMENT', 'ROLE', 'SYSTEM', 'PROCESS', 'ACTION', 'STEP', 'LANE'] as const;
const LIMIT = 1.2;

export async function measureDecisions(context: BenchContext): Promise<MeasurementResult> {
  const app = await context.app();
  const target = context.dataset.target;
  const step = target.stages[0].steps[0];
  const fixes = [
    ...(target.departments ?? []).slice(0, 3).map((d) => ({ level: 'DEPARTMENT', key: d.key })),
    ...(target.systems ?? []).slice(0, 3).map((s) => ({ level: 'SYSTEM', key: s.key })),
    ...(target.roles ?? []).slice(0, 2).map((r) => ({ level: 'ROLE', key: r.key })),
    ...(target.processes ?? []).slice(0, 1).map((p) => ({ level: 'PROCESS', key: p.key })),
    { level: 'STEP', key: step.key, blueprintKey: target.key },
  ].slice(0, 10);
  const cases: [string, () => Promise<unknown>][] = [
    ...LEVELS.map((level): [string, () => Promise<unknown>] => [`blame(level: ${level})`, () => app.post(BLAME, { level })]),
    [`whatIf (${fixes.length} fixes)`, () => app.post(WHAT_IF, { fixes })],
  ];
  const table = ['| query (all blueprints) | p50 (ms) | p95 (ms) | runs | p50 / rootCauses |', '|---|---:|---:|---:|---:|'];
  const bars = [];
  const data: Record<string, unknown> = { scale: context.dataset.scale, fixes };
  for (const [name, run] of cases) {
    await run();
    context.progress(`decisions: ${name} against rootCauses, all blueprints`);
    const samples = await sampleAlternately({ rootCauses: () => app.post(ROOT_CAUSES, {}), decision: run }, context.sampling);
    const [roots, decision] = [summarise(samples.rootCauses), summarise(samples.decision)];
    const ratio = decision.median / roots.median;
    table.push(`| rootCauses (beside ${name}) | ${summaryCells(roots)} | |`, `| **${name}** | ${summaryCells(decision)} | **${times(ratio)}** |`);
    bars.push(bar(`${name}, all blueprints: p50 within ${LIMIT}x of rootCauses`, ratio, LIMIT, true));
    data[name] = { rootCauses: roots, decision, ratio };
  }
  return {
    name: 'decisions',
    title: `Decision queries against rootCauses (all blueprints, at ${context.dataset.scale}x)`,
    about:
      'Each decision query over HTTP beside rootCauses with the same scope (every blueprint), sampled alternately: both read every blueprint once and run the blame flow of every pain point; blame and whatIf also place what each action keeps.',
    table,
    bars,
    data,
  };
}
