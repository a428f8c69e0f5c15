import { BenchContext, MeasurementResult, bar, ms, times } from '../bench-context';
import { Summary, sampleAlternately, summarise } from '../statistics';
import { ROOT_CAUSES } from './root-causes-query';

interface ScalePoint {
  scale: number;
  blueprints: number;
  nodes: number;
  one: Summary;
  all?: Summary;
}

/**
 * Scale: rootCauses for the target blueprint, whose size never changes, as
 * the data around it grows (1x, 10x, 100x), and for all blueprints (1x, 10x).
 * Called once per phase, as the dataset grows; `result` compares the phases.
 */
export class ScaleMeasurement {
  private readonly points: ScalePoint[] = [];

  async measurePoint(context: BenchContext, withAll: boolean): Promise<void> {
    const app = await context.app();
    const phase = context.dataset.phases.at(-1)!;
    context.progress(`scale: rootCauses at ${phase.scale}x (${phase.blueprints} blueprints, ${phase.nodes} nodes)`);
    const cases: Record<string, () => Promise<unknown>> = { one: () => app.post(ROOT_CAUSES, { key: context.dataset.target.key }) };
    if (withAll) cases.all = () => app.post(ROOT_CAUSES, { key: null });
    const samples = await sampleAlternately(cases, context.sampling);
    this.points.push({
      scale: phase.scale,
      blueprints: phase.blueprints,
      nodes: phase.nodes,
      one: summarise(samples.one),
      ...(withAll ? { all: summarise(samples.all) } : {}),
    });
  }

  result(): MeasurementResult {
    const base = this.points.find((point) => point.scale === 1);
    if (!base) throw new Error('scale: no 1x point was measured');
    const table = [
      '| data around the target | blueprints | nodes | one: p50 (ms) | one: p95 (ms) | one: p50 / 1x | all: p50 (ms) | all: p95 (ms) | all: p50 / 1x |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    for (const point of this.points) {
      const all = point.all ? `${ms(point.all.median)} | ${ms(point.all.p95)} | ${times(point.all.median / base.all!.median)}` : '– | – | –';
      table.push(
        `| ${point.scale}x | ${point.blueprints} | ${point.nodes} | ${ms(point.one.median)} | ${ms(point.one.p95)} | ${times(point.one.median / base.one.median)} | ${all} |`,
      );
    }
    const bars = [];
    const at100 = this.points.find((point) => point.scale === 100);
    if (at100) bars.push(bar('Scale: one blueprint at 100x / at 1x (p50)', at100.one.median / base.one.median, 1.5, true));
    const at10 = this.points.find((point) => point.scale === 10 && point.all);
    if (at10) bars.push(bar('Scale: all blueprints at 10x / at 1x (p50)', at10.all!.median / base.all!.median, 12, true));
    return {
      name: 'scale',
      title: 'Scale (rootCauses as the database grows)',
      about:
        'One blueprint of fixed size read and attributed while the rest of the database grows a hundredfold: its time should not grow with the database (index seeks, no scans). All blueprints: the time should grow with the data, at most linearly.',
      table,
      bars,
      data: { points: this.points },
    };
  }
}
