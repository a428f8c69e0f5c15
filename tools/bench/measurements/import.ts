import { BenchContext, MeasurementResult, bar } from '../bench-context';
import { compareBatchedWithNaive } from '../import-bench';
import { median } from '../statistics';

/** The import measurement of `npm run bench:import`, batched against one statement per element, in this run. */
export async function measureImport(context: BenchContext): Promise<MeasurementResult> {
  context.progress('import: batched against naive, 1000 actions, 3000 dependencies');
  const comparison = await compareBatchedWithNaive(context.services, {
    actions: 1000,
    dependencies: 3000,
    runs: 3,
    runId: `${context.runId}-import`,
    progress: context.progress,
  });
  const row = (name: string, times: typeof comparison.batched) => {
    const seconds = median(times.seconds);
    return `| ${name} | ${times.elements} | ${times.roundTrips} | ${seconds.toFixed(3)} | ${Math.round(times.elements / seconds)} |`;
  };
  return {
    name: 'import',
    title: 'Import (1,000 actions, 3,000 dependencies)',
    about:
      'The same generated document imported by BlueprintsService.import (a fixed number of UNWIND statements in one transaction) and by one statement per node and relationship in one transaction, alternately, each into a database without it; both exports checked equal to the document. Median times.',
    table: [
      '| import | elements | round trips | time (s) | elements/s |',
      '|---|---:|---:|---:|---:|',
      row('batched', comparison.batched),
      row('naive, one statement per element', comparison.naive),
    ],
    bars: [bar('Import: batched / naive elements per second', comparison.ratio, 20, false)],
    data: { ...comparison },
  };
}
