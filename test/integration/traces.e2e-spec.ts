import fc from 'fast-check';
import { documentToBlueprint } from '../../src/blueprints/blueprint-assembly';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { BlameLevel } from '../../src/analysis/models/decision.models';
import { blameReport } from '../../src/analysis/blame-levels';
import { FlowParams } from '../../src/analysis/blame-flow';
import { departmentsOf, flowOf } from '../../src/analysis/flow-model';
import { contributionChains } from '../../src/analysis/pain-point-chains';
import { blueprintHandoffs, departmentDependencies, painTrace, rootCauseReport } from '../../src/analysis/root-causes';
import { TRACES_STATEMENT, traceParameters } from '../../src/analysis/traces';
import { cypher } from '../../src/database/cypher-files';
import { validDocument } from '../property/document-arbitrary';
import { runCypher } from '../helpers/cypher';
import { TestApp, dataOf, startTestApp, uniqueKey } from '../helpers/test-app';
import { exampleWithOwnOrganisation } from '../helpers/fixtures';
import { DEFAULT_ANALYSIS_CONFIG, loadConfig } from '../../src/config/app-config';

/**
 * The analysis reads traces (each pain point, the actions its walk reaches
 * within maxDepth, their owners), not whole blueprints. Its figures must be
 * those of the arithmetic on the whole blueprint, exactly: generated
 * documents are imported, and every question's answer through the API is
 * compared with the pure functions run on the document itself.
 */

const IMPORT = `mutation($documents: [BlueprintDocumentInput!]!) { importBlueprints(documents: $documents, mode: REPLACE) { created } }`;
const LEVELS = Object.values(BlameLevel);

function questions(painPointKeys: string[]): string {
  const traces = painPointKeys.map(
    (painPoint, i) => `t${i}: painPointTrace(blueprintKey: $key, painPointKey: ${JSON.stringify(painPoint)}, maxDepth: $maxDepth) {
      impact unattributed nodes { action { key } depth received kept departments { key } } edges { from { key } to { key } mass } }`,
  );
  const blames = LEVELS.map(
    (level) => `${level}: blame(level: ${level}, blueprintKey: $key, maxDepth: $maxDepth) {
      totalImpact unplacedImpact painPointCount entries { key name blueprintKey score painPointCount } }`,
  );
  return `query($key: String!, $maxDepth: Int!) {
    rootCauses(blueprintKey: $key, maxDepth: $maxDepth) {
      totalImpact unattributedImpact painPointCount
      departments { rank department { key name } score contributions { painPoint { key } score chains(limit: 2) { actions { key } mass } } }
    }
    ${blames.join('\n')}
    ${traces.join('\n')}
    departmentDependencies(blueprintKey: $key) { from { key name } to { key name } handoffs impact blueprints }
  }`;
}

/** The same answers, from the whole document in memory. */
async function expected(document: any, params: FlowParams) {
  const flow = flowOf(documentToBlueprint(canonicalDocument(document)));
  const scoped = flow.painPoints.map((painPoint) => ({ painPoint, flow }));
  const report = await rootCauseReport(scoped, params);
  const answer: Record<string, unknown> = {
    rootCauses: {
      totalImpact: report.totalImpact,
      unattributedImpact: report.unattributedImpact,
      painPointCount: report.painPointCount,
      departments: await Promise.all(
        report.departments.map(async (row) => ({
          rank: row.rank,
          department: { key: row.department.key, name: row.department.name },
          score: row.score,
          contributions: await Promise.all(
            row.contributions.map(async (contribution) => ({
              painPoint: { key: contribution.painPoint.key },
              score: contribution.score,
              chains: (await contributionChains(contribution, 2)).map((chain) => ({ actions: chain.actions.map(({ key }) => ({ key })), mass: chain.mass })),
            })),
          ),
        })),
      ),
    },
    departmentDependencies: departmentDependencies([await blueprintHandoffs({ flow, edges: flow.graph }, departmentsOf([flow]))]).map((row) => ({
      from: { key: row.from.key, name: row.from.name },
      to: { key: row.to.key, name: row.to.name },
      handoffs: row.handoffs,
      impact: row.impact,
      blueprints: row.blueprints,
    })),
  };
  for (const level of LEVELS) {
    const blame = await blameReport(scoped, level, params);
    answer[level] = {
      totalImpact: blame.totalImpact,
      unplacedImpact: blame.unplacedImpact,
      painPointCount: blame.painPointCount,
      entries: blame.entries.map(({ key, name, blueprintKey, score, painPointCount }) => ({ key, name, blueprintKey, score, painPointCount })),
    };
  }
  flow.painPoints.forEach((painPoint, i) => {
    const trace = painTrace(painPoint, flow, params);
    answer[`t${i}`] = {
      impact: trace.impact,
      unattributed: trace.unattributed,
      nodes: trace.nodes.map((node) => ({
        action: { key: node.action.key },
        depth: node.depth,
        received: node.received,
        kept: node.kept,
        departments: node.departments.map(({ key }) => ({ key })),
      })),
      edges: trace.edges.map((edge) => ({ from: { key: edge.from.key }, to: { key: edge.to.key }, mass: edge.mass })),
    };
  });
  return answer;
}

const actionCount = (document: any): number =>
  document.stages.reduce((n: number, stage: any) => n + stage.steps.reduce((m: number, step: any) => m + step.actions.length, 0), 0);

describe('the analysis, read as traces', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('gives the figures of the whole blueprint, exactly, at every depth', async () => {
    // Each document has an organisation of its own, so that imports never redefine another's entries.
    // The first six generated (seeds fixed) that have pain points, the largest first.
    const documents = Array.from({ length: 24 }, (_, i) => ({
      ...fc.sample(validDocument(uniqueKey(`trace${i}`)), { numRuns: 1, seed: 7_001 + i })[0],
      key: uniqueKey('trace-bp'),
    }))
      .filter((document) => document.painPoints.length > 0)
      .sort((a, b) => actionCount(b) - actionCount(a))
      .slice(0, 6);
    await dataOf(api, IMPORT, { documents });
    for (const document of documents) {
      const query = questions(document.painPoints.map((p: { key: string }) => p.key));
      for (const maxDepth of [0, 1, 6]) {
        const answer = await dataOf(api, query, { key: document.key, maxDepth });
        // departmentDependencies is always at the default parameters.
        const want = await expected(document, { retention: 0.5, maxDepth });
        want.departmentDependencies = (await expected(document, { retention: 0.5, maxDepth: 6 })).departmentDependencies;
        expect({ document: document.key, maxDepth, ...answer }).toEqual({ document: document.key, maxDepth, ...want });
      }
    }
  });

  describe('on a chain longer than the walk', () => {
    const org = uniqueKey('chain');
    const key = uniqueKey('chain-bp');
    // c1 -> f1 -> b1 -> s1 -> s2, and x1, which nothing reaches; the pain point occurs at c1.
    const document = {
      key,
      name: 'Chain',
      departments: [
        { key: `${org}-front`, name: 'Front' },
        { key: `${org}-back`, name: 'Back' },
      ],
      stages: [
        {
          key: 'st',
          name: 'Stage',
          steps: [
            {
              key: 't1',
              name: 'Step one',
              actions: [
                { key: 'c1', lane: 'CUSTOMER', name: 'Asks', dependsOn: ['f1'] },
                { key: 'f1', lane: 'FRONTSTAGE', name: 'Answers', department: `${org}-front`, dependsOn: ['b1'] },
              ],
            },
            {
              key: 't2',
              name: 'Step two',
              actions: [
                { key: 'b1', lane: 'BACKSTAGE', name: 'Checks', department: `${org}-back`, dependsOn: ['s1'] },
                { key: 's1', lane: 'SUPPORT', name: 'Stores', department: `${org}-back`, dependsOn: ['s2'] },
                { key: 's2', lane: 'SUPPORT', name: 'Backs up', department: `${org}-back` },
                { key: 'x1', lane: 'SUPPORT', name: 'Unrelated', department: `${org}-back` },
              ],
            },
          ],
        },
      ],
      painPoints: [{ key: 'p1', title: 'Slow', action: 'c1', severity: 4 }],
    };
    beforeAll(async () => {
      await dataOf(api, IMPORT, { documents: [document] });
    });

    it('reads only the actions the walk reaches within maxDepth', async () => {
      const traced = async (maxDepth: number) => {
        const parameters = traceParameters({ key, keys: null, states: null, painPointKeys: null, maxDepth, known: {} });
        const [row] = await runCypher(api, TRACES_STATEMENT.map(cypher).join('\n'), parameters);
        return (row.actions as { key: string }[]).map((action) => action.key).sort();
      };
      expect(await traced(1)).toEqual(['c1', 'f1']);
      expect(await traced(3)).toEqual(['b1', 'c1', 'f1', 's1']);
      expect(await traced(20)).toEqual(['b1', 'c1', 'f1', 's1', 's2']);
    });

    it('reads what an action at its edge depends on when a client asks, one query per level asked', async () => {
      const query = `query($key: String!) { painPointTrace(blueprintKey: $key, painPointKey: "p1", maxDepth: 1) {
        nodes { action { key dependsOn { key name owners { key } dependsOn { key dependsOn { key } } } } } } }`;
      const before = api.queryCount();
      const data = await dataOf(api, query, { key });
      expect(data.painPointTrace.nodes).toEqual([
        { action: { key: 'c1', dependsOn: [{ key: 'f1', name: 'Answers', owners: [{ key: `${org}-front` }], dependsOn: [{ key: 'b1', dependsOn: [{ key: 's1' }] }] }] } },
        { action: { key: 'f1', dependsOn: [{ key: 'b1', name: 'Checks', owners: [{ key: `${org}-back` }], dependsOn: [{ key: 's1', dependsOn: [{ key: 's2' }] }] }] } },
      ]);
      // The stamp, the trace, then f1's dependencies (b1), then b1's (s1) and s1's (s2): one batched read each.
      expect(api.queryCount() - before).toBe(5);
    });
  });

  it('traces many blueprints a few per statement, with the same figures', async () => {
    const { security, logging } = loadConfig({});
    const few = await startTestApp({ serving: { security, logging, analysis: { ...DEFAULT_ANALYSIS_CONFIG, tracedPerStatement: 2 } } });
    try {
      const states = ['DAY_IN_LIFE'];
      // Five blueprints, each with an organisation of its own.
      const documents = Array.from({ length: 5 }, (_, i) => ({ ...exampleWithOwnOrganisation(uniqueKey('few-bp'), uniqueKey(`few${i}`)), state: 'DAY_IN_LIFE' }));
      await dataOf(api, IMPORT, { documents });
      const query = `query($states: [BlueprintState!]) {
        rootCauses(states: $states) { totalImpact painPointCount departments { department { key } score } }
        departmentDependencies(states: $states) { from { key } to { key } handoffs impact blueprints }
      }`;
      // Other tests' blueprints in that state may be there too: at least three statements of two either way.
      const answer = await dataOf(few, query, { states });
      expect(answer.rootCauses.painPointCount).toBeGreaterThanOrEqual(documents.length);
      expect(answer).toEqual(await dataOf(api, query, { states }));
    } finally {
      await few.close();
    }
  });
});
