import { checkDocument } from '../../src/blueprints/document-validation';
import { Lane } from '../../src/blueprints/models/enums';
import { BENCH_SIZES } from '../../tools/bench/bench-dataset';
import { blueprintNodeCount, syntheticBlueprint, syntheticOrganisation } from '../../tools/bench/synthetic-organisation';

const LANES = [Lane.CUSTOMER, Lane.FRONTSTAGE, Lane.BACKSTAGE, Lane.SUPPORT];

describe('the synthetic organisation of the benchmark', () => {
  const org = syntheticOrganisation({ prefix: 'org', departments: 30, seed: 7 });
  const blueprints = Array.from({ length: 60 }, (_, i) => syntheticBlueprint(org, i, `bp-${i}`));

  it('is the same for the same seed and index, and different for another', () => {
    expect(JSON.stringify(syntheticBlueprint(org, 3, 'x'))).toBe(JSON.stringify(syntheticBlueprint(syntheticOrganisation(org.spec), 3, 'x')));
    expect(JSON.stringify(syntheticBlueprint(org, 4, 'x'))).not.toBe(JSON.stringify(syntheticBlueprint(org, 3, 'x')));
    const reseeded = syntheticOrganisation({ ...org.spec, seed: 8 });
    expect(JSON.stringify(syntheticBlueprint(reseeded, 3, 'x'))).not.toBe(JSON.stringify(syntheticBlueprint(org, 3, 'x')));
  });

  it('gives each department three roles, two systems and two processes', () => {
    expect(org.departments).toHaveLength(30);
    expect([org.roles.length, org.systems.length, org.processes.length]).toEqual([90, 60, 60]);
  });

  it('generates documents the import accepts', () => {
    for (const document of blueprints) expect(checkDocument(document).problems).toEqual([]);
  });

  it('has 4 to 7 stages of 2 to 6 steps, with actions in every lane of every step', () => {
    for (const document of blueprints) {
      expect(document.stages.length).toBeGreaterThanOrEqual(4);
      expect(document.stages.length).toBeLessThanOrEqual(7);
      for (const stage of document.stages) {
        expect(stage.steps.length).toBeGreaterThanOrEqual(2);
        expect(stage.steps.length).toBeLessThanOrEqual(6);
        for (const step of stage.steps) expect(new Set(step.actions.map((action) => action.lane))).toEqual(new Set(LANES));
      }
    }
  });

  it('runs most dependencies down the lanes of a step, some across steps, with a few cycles', () => {
    let down = 0;
    let across = 0;
    let total = 0;
    let withCycle = 0;
    for (const document of blueprints) {
      const where = new Map<string, { step: number; lane: number }>();
      document.stages.flatMap((stage) => stage.steps).forEach((step, t) => {
        for (const action of step.actions) where.set(action.key, { step: t, lane: LANES.indexOf(action.lane) });
      });
      const edges = new Set<string>();
      for (const [key] of where) {
        const action = document.stages.flatMap((s) => s.steps).flatMap((s) => s.actions).find((a) => a.key === key)!;
        for (const to of action.dependsOn ?? []) {
          total++;
          edges.add(`${key}>${to}`);
          const [a, b] = [where.get(key)!, where.get(to)!];
          if (a.step === b.step && b.lane > a.lane) down++;
          if (a.step !== b.step) across++;
        }
      }
      if ([...edges].some((edge) => edges.has(edge.split('>').reverse().join('>')))) withCycle++;
    }
    expect(down / total).toBeGreaterThan(0.8);
    expect(across).toBeGreaterThan(0);
    expect(across / total).toBeLessThan(0.15);
    expect(withCycle).toBeGreaterThan(10);
    expect(withCycle).toBeLessThan(50);
  });

  it('puts a pain point on about one customer action in ten, at least one per blueprint', () => {
    let customers = 0;
    let painPoints = 0;
    for (const document of blueprints) {
      customers += document.stages.flatMap((s) => s.steps).flatMap((s) => s.actions).filter((a) => a.lane === Lane.CUSTOMER).length;
      painPoints += document.painPoints.length;
      expect(document.painPoints.length).toBeGreaterThan(0);
    }
    expect(painPoints / customers).toBeGreaterThan(0.07);
    expect(painPoints / customers).toBeLessThan(0.15);
  });

  it('holds about 100,000 nodes at medium size and 1,000,000 at large once grown to 100x', () => {
    const average = blueprints.reduce((sum, document) => sum + blueprintNodeCount(document), 0) / blueprints.length;
    for (const [size, nodes] of [['medium', 100_000], ['large', 1_000_000]] as const) {
      const { departments, blueprintsAt1x } = BENCH_SIZES[size];
      const organisationNodes = departments * 8;
      const estimate = (100 * blueprintsAt1x + 1) * average + organisationNodes;
      expect(estimate).toBeGreaterThan(nodes * 0.8);
      expect(estimate).toBeLessThan(nodes * 1.25);
    }
  });
});
