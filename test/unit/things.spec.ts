import fc from 'fast-check';
import { flowOf } from '../../src/analysis/flow-model';
import { BlameLevel, Fix } from '../../src/analysis/models/decision.models';
import { placedPainPoints } from '../../src/analysis/placements';
import { cardMatches, cardOfAction, thingText } from '../../src/analysis/things';
import { matchesFix } from '../../src/analysis/what-if';
import { actionsOf, documentToBlueprint } from '../../src/blueprints/blueprint-assembly';
import { canonicalDocument } from '../../src/blueprints/canonical-document';
import { validDocument } from '../property/document-arbitrary';

/** Which cards an entry, a fix or a question highlights: the cards its placements sit on. */

const document = {
  key: 'bp',
  name: 'One action',
  departments: [
    { key: 'fin', name: 'Finance' },
    { key: 'it', name: 'IT' },
    { key: 'ops', name: 'Operations' },
  ],
  roles: [{ key: 'agent', name: 'Agent', department: 'ops' }],
  systems: [
    { key: 'crm', name: 'CRM', department: 'it' },
    { key: 'erp', name: 'ERP', department: 'it' },
  ],
  processes: [{ key: 'billing', name: 'Billing', department: 'fin' }],
  stages: [
    {
      key: 's',
      name: 'S',
      steps: [
        {
          key: 't1',
          name: 'Step one',
          actions: [
            { key: 'c1', lane: 'CUSTOMER', name: 'Asks', dependsOn: ['a1'] },
            { key: 'a1', lane: 'FRONTSTAGE', name: 'Answers', role: 'agent', systems: ['crm', 'erp'], process: 'billing' },
          ],
        },
      ],
    },
  ],
  painPoints: [{ key: 'p1', title: 'P1', action: 'c1', severity: 3 }],
};

describe('the cards a thing is about', () => {
  const blueprint = documentToBlueprint(canonicalDocument(document as any));
  const [c1, a1] = actionsOf(blueprint).map(cardOfAction);

  it('are those it owns, performs, is used by, holds, is, or lies in', () => {
    const matched = (level: string, key: string, blueprintKey: string | null = null) =>
      [c1, a1].filter((card) => cardMatches(card, 'bp', { level, key, blueprintKey })).map((card) => card.key);
    expect(matched('DEPARTMENT', 'it')).toEqual(['a1']);
    expect(matched('DEPARTMENT', 'fin')).toEqual(['a1']);
    expect(matched('ROLE', 'agent')).toEqual(['a1']);
    expect(matched('SYSTEM', 'erp')).toEqual(['a1']);
    expect(matched('PROCESS', 'billing')).toEqual(['a1']);
    expect(matched('ACTION', 'c1', 'bp')).toEqual(['c1']);
    expect(matched('ACTION', 'c1', 'other')).toEqual([]);
    expect(matched('STEP', 't1', 'bp')).toEqual(['c1', 'a1']);
    expect(matched('STEP', 't1', 'other')).toEqual([]);
    expect(matched('LANE', 'CUSTOMER')).toEqual(['c1']);
    expect(matched('SYSTEM', 'billing')).toEqual([]);
  });

  it('hold every placement a fix matches, on any valid document', async () => {
    await fc.assert(
      fc.asyncProperty(validDocument('org'), async (generated) => {
        const flow = flowOf(documentToBlueprint(canonicalDocument({ ...generated, key: 'bp' })));
        const scoped = flow.painPoints.map((painPoint) => ({ painPoint, flow }));
        for await (const { placements } of placedPainPoints(scoped, { retention: 0.5, maxDepth: 6 })) {
          for (const placement of placements) {
            const fixes: Fix[] = [
              { level: BlameLevel.ACTION, key: placement.action.key, blueprintKey: 'bp' },
              { level: BlameLevel.STEP, key: placement.action.stepKey, blueprintKey: 'bp' },
            ];
            if (placement.department) fixes.push({ level: BlameLevel.DEPARTMENT, key: placement.department.key, blueprintKey: null });
            const entity = placement.source?.entity;
            if (entity) fixes.push({ level: placement.source!.kind as BlameLevel, key: entity.key, blueprintKey: null });
            for (const fix of fixes) {
              expect(matchesFix(placement, fix)).toBe(true);
              expect(cardMatches(cardOfAction(placement.action), 'bp', fix)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('are named as the command line names them', () => {
    expect(thingText({ level: 'SYSTEM', key: 'crm' })).toBe('system:crm');
    expect(thingText({ level: 'ACTION', key: 'a1', blueprintKey: 'bp' })).toBe('action:bp/a1');
  });
});
