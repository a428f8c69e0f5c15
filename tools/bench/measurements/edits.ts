import { ImportMode } from '../../../src/blueprints/models/enums';
import { BenchContext, MeasurementResult, bar, summaryCells, times } from '../bench-context';
import { SyntheticDocument, generateDocument } from '../synthetic-documents';
import { sampleAlternately, summarise } from '../statistics';

/**
 * Editing mutations on a 50-action and a 5,000-action blueprint, over HTTP,
 * sampled alternately in one run: an edit writes what it changes, so the
 * large one may take at most twice as long. Each sample is a real change (a
 * new name, a move back and forth, a dependency added then removed), against
 * the version the previous one made.
 */

const SIZES = { small: 50, large: 5_000 } as const;
const LIMIT = 2;

const RENAME_STAGE = 'mutation($b: String!, $v: Int, $k: String!, $n: String!) { renameStage(blueprintKey: $b, expectedVersion: $v, key: $k, name: $n) { version } }';
const UPDATE_ACTION = 'mutation($b: String!, $v: Int, $a: ActionChangesInput!) { updateAction(blueprintKey: $b, expectedVersion: $v, action: $a) { version } }';
const MOVE_ACTION = 'mutation($b: String!, $v: Int, $k: String!, $s: String!) { moveAction(blueprintKey: $b, expectedVersion: $v, key: $k, stepKey: $s) { version } }';
const ADD_DEPENDENCY = 'mutation($b: String!, $v: Int, $f: String!, $t: String!) { addDependency(blueprintKey: $b, expectedVersion: $v, from: $f, to: $t) { version } }';
const REMOVE_DEPENDENCY = 'mutation($b: String!, $v: Int, $f: String!, $t: String!) { removeDependency(blueprintKey: $b, expectedVersion: $v, from: $f, to: $t) { version } }';

type Edit = (version: number, round: number) => [string, Record<string, unknown>];

/** The edits measured, each made of the blueprint's first actions and steps. */
function editsOf(document: SyntheticDocument): Record<string, Edit> {
  const [first, second] = document.stages[0].steps;
  const [action] = first.actions;
  const other = first.actions.find((a) => a.key !== action.key && !(a.dependsOn ?? []).includes(action.key))!;
  const b = document.key;
  return {
    renameStage: (v, round) => [RENAME_STAGE, { b, v, k: document.stages[0].key, n: `Stage renamed ${round}` }],
    updateAction: (v, round) => [UPDATE_ACTION, { b, v, a: { key: action.key, name: `Action renamed ${round}` } }],
    moveAction: (v, round) => [MOVE_ACTION, { b, v, k: action.key, s: round % 2 === 0 ? second.key : first.key }],
    'addDependency, removeDependency': (v, round) => [round % 2 === 0 ? ADD_DEPENDENCY : REMOVE_DEPENDENCY, { b, v, f: other.key, t: action.key }],
  };
}

export async function measureEdits(context: BenchContext): Promise<MeasurementResult> {
  const app = await context.app();
  const documents = Object.fromEntries(
    Object.entries(SIZES).map(([size, actions]) => [
      size,
      generateDocument({ key: `${context.runId}-edits-${size}`, actions, dependencies: actions, seed: 7, orgPrefix: `${context.runId}-edits` }),
    ]),
  ) as Record<keyof typeof SIZES, SyntheticDocument>;
  for (const document of Object.values(documents)) {
    context.progress(`edits: importing ${document.key}`);
    await context.services.blueprints.import(document, ImportMode.CREATE);
  }
  const versions = { small: 1, large: 1 };
  const rounds = { small: 0, large: 0 };
  const table = ['| edit | blueprint | p50 (ms) | p95 (ms) | runs | p50 / 50 actions |', '|---|---|---:|---:|---:|---:|'];
  const bars = [];
  const data: Record<string, unknown> = { actions: SIZES };
  const edits = { small: editsOf(documents.small), large: editsOf(documents.large) };
  for (const name of Object.keys(edits.small)) {
    context.progress(`edits: ${name}, ${SIZES.large} actions against ${SIZES.small}`);
    // Each kind starts at round 0: an add comes before its remove.
    rounds.small = rounds.large = 0;
    const run = (size: keyof typeof SIZES) => async () => {
      const [mutation, variables] = edits[size][name](versions[size], rounds[size]++);
      const result = await app.post<Record<string, { version: number }>>(mutation, variables);
      versions[size] = Object.values(result)[0].version;
    };
    const samples = await sampleAlternately({ small: run('small'), large: run('large') }, context.sampling);
    const [small, large] = [summarise(samples.small), summarise(samples.large)];
    const ratio = large.median / small.median;
    table.push(`| ${name} | ${SIZES.small} actions | ${summaryCells(small)} | |`, `| **${name}** | **${SIZES.large} actions** | ${summaryCells(large)} | **${times(ratio)}** |`);
    bars.push(bar(`${name}: p50 on ${SIZES.large} actions within ${LIMIT}x of ${SIZES.small}`, ratio, LIMIT, true));
    data[name] = { small, large, ratio };
  }
  for (const document of Object.values(documents)) await context.services.blueprints.delete(document.key);
  return {
    name: 'edits',
    title: `Editing mutations, ${SIZES.large} actions against ${SIZES.small}`,
    about:
      'Each editing mutation over HTTP on two generated blueprints of one organisation, sampled alternately; every sample changes the blueprint, against the version the one before made.',
    table,
    bars,
    data,
  };
}
