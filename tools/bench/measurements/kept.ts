import { performance } from 'node:perf_hooks';
import { BenchContext, MeasurementResult, bar, summaryCells, times } from '../bench-context';
import { mebibytes } from '../bench-report';
import { sampleAlternately, summarise } from '../statistics';
import { procStatusBytes } from '../../ops/stack';
import { DEFAULT_FLOW_PARAMS } from '../../../src/analysis/blame-flow';
import { TRACES_STATEMENT, traceParameters } from '../../../src/analysis/traces';

/**
 * The organisation-wide questions a dashboard asks again and again, over
 * HTTP against the built app, each as a ratio of the p50 of `{ __typename }`
 * sampled alternately with it: answers kept while nothing changed, and the
 * first answer after a write (the write itself untimed).
 */

const TRIVIAL = '{ __typename }';
const ROOT_CAUSES_ALL = '{ rootCauses { totalImpact painPointCount departments { department { key } score rank } } }';
const DEPENDENCIES_ALL = '{ departmentDependencies { from { key } to { key } handoffs impact } }';
const ROOT_CAUSES_ONE = 'query($key: String!) { rootCauses(blueprintKey: $key) { totalImpact departments { department { key } score rank } } }';
const TOUCH = 'mutation($key: String!, $d: String!) { updateBlueprint(key: $key, properties: { description: $d }) { version } }';

const BARS: Record<string, number> = {
  'rootCauses, all blueprints, nothing changed': 15,
  'departmentDependencies, all blueprints, nothing changed': 15,
  'rootCauses, all blueprints, first request after one blueprint changed': 60,
  'rootCauses, one blueprint, nothing changed': 2,
};
const BARE_TRACE = "bare Cypher read of the target's trace (one statement, in this process)";
const ONE_AFTER_CHANGE = 'rootCauses, one blueprint, first request after it changed';
/** The first answer after a change against reading what it needs, with nothing else around it. */
const AFTER_CHANGE_OVER_BARE_TRACE = 1.5;

export async function measureKept(context: BenchContext): Promise<MeasurementResult> {
  const app = await context.app();
  const key = context.dataset.target.key;
  let round = 0;
  const touch = () => app.post(TOUCH, { key, d: `touched ${round++}` });
  /** The query alone, timed after an untimed write: the last samples are the rounds' (the first ones warm up). */
  const afterWrite: Record<string, number[]> = { all: [], one: [] };
  const timedAfterWrite = (name: keyof typeof afterWrite, query: string, variables?: Record<string, unknown>) => async () => {
    await touch();
    const started = performance.now();
    await app.post(query, variables);
    afterWrite[name].push(performance.now() - started);
  };
  // Two alternations: a write between two samples of an unchanged question would make it a changed one.
  context.progress('kept: organisation-wide questions asked again while nothing changes, against { __typename }');
  const unchanged = await sampleAlternately(
    {
      trivial: () => app.post(TRIVIAL),
      'rootCauses, all blueprints, nothing changed': () => app.post(ROOT_CAUSES_ALL),
      'departmentDependencies, all blueprints, nothing changed': () => app.post(DEPENDENCIES_ALL),
      'rootCauses, one blueprint, nothing changed': () => app.post(ROOT_CAUSES_ONE, { key }),
    },
    context.sampling,
  );
  context.progress('kept: organisation-wide questions right after a write, against { __typename }');
  const changed = await sampleAlternately(
    {
      trivial: () => app.post(TRIVIAL),
      'rootCauses, all blueprints, first request after one blueprint changed': timedAfterWrite('all', ROOT_CAUSES_ALL),
      [ONE_AFTER_CHANGE]: timedAfterWrite('one', ROOT_CAUSES_ONE, { key }),
      [BARE_TRACE]: () =>
        context.services.executor.readStatement(
          TRACES_STATEMENT,
          traceParameters({ key, keys: null, states: null, painPointKeys: null, maxDepth: DEFAULT_FLOW_PARAMS.maxDepth, known: {} }),
        ),
    },
    context.sampling,
  );
  changed['rootCauses, all blueprints, first request after one blueprint changed'] = afterWrite.all.slice(-changed.trivial.length);
  changed[ONE_AFTER_CHANGE] = afterWrite.one.slice(-changed.trivial.length);

  const table = ['| request | p50 (ms) | p95 (ms) | runs | p50 / `{ __typename }` | bar |', '|---|---:|---:|---:|---:|---:|'];
  const bars = [];
  const data: Record<string, unknown> = {};
  for (const [group, samples] of [['while nothing changes', unchanged], ['right after a write', changed]] as const) {
    const trivial = summarise(samples.trivial);
    table.push(`| \`{ __typename }\`, sampled beside the questions ${group} | ${summaryCells(trivial)} | 1x | |`);
    data[`trivial, ${group}`] = trivial;
    for (const name of Object.keys(samples).filter((name) => name !== 'trivial')) {
      const summary = summarise(samples[name]);
      const ratio = summary.median / trivial.median;
      const limit = BARS[name];
      table.push(`| ${name} | ${summaryCells(summary)} | ${times(ratio)} | ${limit ? `≤ ${limit}x` : ''} |`);
      if (limit) bars.push(bar(`${name}: p50 within ${limit}x of { __typename }`, ratio, limit, true));
      data[name] = { ...summary, ratio };
    }
  }
  const overBare = summarise(changed[ONE_AFTER_CHANGE]).median / summarise(changed[BARE_TRACE]).median;
  table.push(`| ${ONE_AFTER_CHANGE}, against the bare read of its trace | | | | ${times(overBare)} of the bare read | ≤ ${AFTER_CHANGE_OVER_BARE_TRACE}x |`);
  bars.push(bar(`${ONE_AFTER_CHANGE}: p50 within ${AFTER_CHANGE_OVER_BARE_TRACE}x of the bare Cypher read of its trace`, overBare, AFTER_CHANGE_OVER_BARE_TRACE, true));
  data['rootCauses, one blueprint, after a change, over the bare trace'] = overBare;
  // Before throughput resets it: the app's peak since it started, through every question above.
  data.appPeakRss = procStatusBytes(app.process.pid, 'VmHWM');
  table.push('', `The app's peak resident memory since it started, through these questions: ${mebibytes(data.appPeakRss as number)}.`);
  return {
    name: 'kept',
    title: 'Organisation-wide questions asked again, as a ratio of a trivial request',
    about:
      'Each question over HTTP on the built app, sampled alternately with { __typename }: the unchanged questions in one alternation with no write, the others in a second, where "after a change" times the question alone, right after an untimed updateBlueprint of the target, and the bare read of the target\'s trace (the statement the answer reads, through the product\'s executor in the bench process, no HTTP) is sampled in the same alternation.',
    table,
    bars,
    data,
  };
}
