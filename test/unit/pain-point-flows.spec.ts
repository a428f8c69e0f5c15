import { blameFlow } from '../../src/analysis/blame-flow';
import { flowOf, sourceOf } from '../../src/analysis/flow-model';
import { painPointFlow } from '../../src/analysis/pain-point-flows';
import { documentToBlueprint } from '../../src/blueprints/blueprint-assembly';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { exampleDocument } from '../helpers/fixtures';

describe('painPointFlow', () => {
  const flow = flowOf(documentToBlueprint(canonicalDocument(exampleDocument('kept-flows'))));
  const params = { retention: 0.5, maxDepth: 6 };

  it("is the pain point's blame flow, computed once per pain point and parameters", () => {
    for (const painPoint of flow.painPoints) {
      const first = painPointFlow(flow, painPoint, params);
      expect(first).toEqual(blameFlow(flow.graph, sourceOf(painPoint), params));
      expect(painPointFlow(flow, painPoint, { ...params })).toBe(first);
      const shallow = painPointFlow(flow, painPoint, { retention: 0.5, maxDepth: 1 });
      expect(shallow).not.toBe(first);
      expect(shallow).toEqual(blameFlow(flow.graph, sourceOf(painPoint), { retention: 0.5, maxDepth: 1 }));
    }
  });

  it('keeps flows apart for pain points of different flows with the same key', () => {
    const other = flowOf(documentToBlueprint(canonicalDocument(exampleDocument('kept-flows'))));
    const [painPoint] = flow.painPoints;
    const [same] = other.painPoints;
    expect(same.key).toBe(painPoint.key);
    expect(painPointFlow(other, same, params)).not.toBe(painPointFlow(flow, painPoint, params));
  });
});
