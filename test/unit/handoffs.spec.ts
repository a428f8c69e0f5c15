import { DEFAULT_FLOW_PARAMS, blameFlow, edgeId } from '../../src/analysis/blame-flow';
import { BlueprintFlow, departmentsOf, flowOf, sourceOf } from '../../src/analysis/flow-model';
import { blueprintHandoffs, departmentDependencies } from '../../src/analysis/root-causes';
import { documentToBlueprint } from '../../src/blueprints/blueprint-assembly';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { generateDocument } from '../../tools/bench/synthetic-documents';
import { exampleDocument } from '../helpers/fixtures';

/** The handoffs of every edge of every flow accumulated in one pass, as domain.md words it: the oracle. */
function accumulated(flows: BlueprintFlow[]) {
  const pairs = new Map<string, { from: string; to: string; handoffs: number; impact: number; blueprints: Set<string> }>();
  for (const flow of flows) {
    const mass = new Map<string, number>();
    for (const painPoint of flow.painPoints) {
      for (const [id, m] of blameFlow(flow.graph, sourceOf(painPoint), DEFAULT_FLOW_PARAMS).edges) mass.set(id, (mass.get(id) ?? 0) + m);
    }
    for (const action of flow.graph.values()) {
      for (const target of action.dependsOn) {
        const owners = flow.graph.get(target)!.owners;
        for (const from of action.owners) {
          for (const to of owners) {
            if (from === to) continue;
            const id = edgeId(from, to);
            const entry = pairs.get(id) ?? { from, to, handoffs: 0, impact: 0, blueprints: new Set<string>() };
            pairs.set(id, entry);
            entry.handoffs++;
            entry.impact += (mass.get(edgeId(action.key, target)) ?? 0) / (action.owners.length * owners.length);
            entry.blueprints.add(flow.blueprintKey);
          }
        }
      }
    }
  }
  return new Map([...pairs.values()].map((e) => [`${e.from}>${e.to}`, { handoffs: e.handoffs, impact: e.impact, blueprints: [...e.blueprints].sort() }]));
}

describe('handoffs summed per blueprint', () => {
  const flowOfDocument = (document: any) => flowOf(documentToBlueprint(canonicalDocument(document)));
  const flows = [
    flowOfDocument(exampleDocument('handoffs-a')),
    ...[1, 2, 3].map((seed) => flowOfDocument(generateDocument({ key: `handoffs-${seed}`, actions: 80, dependencies: 160, seed, orgPrefix: 'handoffs' }))),
    flowOfDocument(exampleDocument('handoffs-b')),
  ];

  it('give the figures of every edge accumulated in one pass, to the last bit', async () => {
    const summaries = await Promise.all(flows.map((flow) => blueprintHandoffs({ flow, edges: flow.graph }, departmentsOf([flow]))));
    const answer = departmentDependencies(summaries);
    const expected = accumulated(flows);
    expect(answer.length).toBe(expected.size);
    expect(answer.length).toBeGreaterThan(3);
    for (const row of answer) {
      expect({ pair: `${row.from.key}>${row.to.key}`, handoffs: row.handoffs, impact: row.impact, blueprints: row.blueprints }).toEqual({
        pair: `${row.from.key}>${row.to.key}`,
        ...expected.get(`${row.from.key}>${row.to.key}`),
      });
    }
    // Ranked by impact, then handoffs.
    for (let i = 1; i < answer.length; i++) expect(answer[i - 1].impact >= answer[i].impact).toBe(true);
  });
});
