/**
 * Small blueprints whose figures are worked by hand in the tests that use
 * them. Organisation keys carry a prefix, so that tests on the shared
 * database use entries of their own.
 */

export function repairCurrent(p = ''): any {
  return {
    key: 'repair',
    name: 'Repair',
    departments: [
      { key: `${p}it`, name: 'IT' },
      { key: `${p}ops`, name: 'Operations' },
    ],
    roles: [{ key: `${p}agent`, name: 'Agent', department: `${p}ops` }],
    systems: [
      { key: `${p}crm`, name: 'CRM', department: `${p}it` },
      { key: `${p}erp`, name: 'ERP', department: `${p}it` },
    ],
    stages: [
      {
        key: 's1',
        name: 'Report',
        steps: [
          {
            key: 't1',
            name: 'Call',
            evidence: ['call log', 'ticket'],
            actions: [
              { key: 'c1', lane: 'CUSTOMER', name: 'Calls', dependsOn: ['f1'] },
              { key: 'f1', lane: 'FRONTSTAGE', name: 'Answers', role: `${p}agent`, dependsOn: ['b1'] },
              { key: 'b1', lane: 'BACKSTAGE', name: 'Looks up', systems: [`${p}crm`, `${p}erp`] },
            ],
          },
        ],
      },
    ],
    painPoints: [{ key: 'p1', title: 'Long wait', action: 'c1', severity: 4 }],
  };
}

export function repairFuture(p = ''): any {
  const document = repairCurrent(p);
  const [step] = document.stages[0].steps;
  const [c1, f1, b1] = step.actions;
  f1.dependsOn = [];
  b1.systems = [`${p}erp`, `${p}crm`];
  step.evidence = ['ticket', 'call log'];
  step.actions = [c1, { key: 'c2', lane: 'CUSTOMER', name: 'Waits' }, f1];
  document.stages[0].steps.push({ key: 't2', name: 'Look up', actions: [b1] });
  document.painPoints[0].severity = 5;
  document.state = 'FUTURE';
  return document;
}

export function lintExample(p = ''): any {
  return {
    key: 'lint',
    name: 'Lint',
    departments: [{ key: `${p}ops`, name: 'Operations' }],
    roles: [{ key: `${p}agent`, name: 'Agent', department: `${p}ops` }],
    systems: [{ key: `${p}crm`, name: 'CRM', department: `${p}ops` }],
    stages: [
      {
        key: 'st',
        name: 'Stage',
        steps: [
          {
            key: 't1',
            name: 'One',
            actions: [
              { key: 'c1', lane: 'CUSTOMER', name: 'C1', dependsOn: ['f1'] },
              { key: 'f1', lane: 'FRONTSTAGE', name: 'F1', role: `${p}agent`, dependsOn: ['b1'] },
              { key: 'b1', lane: 'BACKSTAGE', name: 'B1', dependsOn: ['s1'] },
              { key: 's1', lane: 'SUPPORT', name: 'S1', systems: [`${p}crm`], dependsOn: ['b1', 'f1', 'c1'] },
              { key: 'c3', lane: 'CUSTOMER', name: 'C3' },
            ],
          },
          {
            key: 't2',
            name: 'Two',
            actions: [
              { key: 'f2', lane: 'FRONTSTAGE', name: 'F2', role: `${p}agent` },
              { key: 's2', lane: 'SUPPORT', name: 'S2' },
            ],
          },
        ],
      },
    ],
    painPoints: [
      { key: 'p1', title: 'P1', action: 'c1', severity: 3 },
      { key: 'p3', title: 'P3', action: 'c3', severity: 2, frequency: 0.5 },
    ],
  };
}


/** What comparing repairCurrent with repairFuture finds, as worked by hand (see test/unit/compare-documents.spec.ts). */
export function repairChanges(p = '') {
  const it = { key: `${p}it`, name: 'IT' };
  const ops = { key: `${p}ops`, name: 'Operations' };
  return {
    properties: ['state'],
    stages: [],
    steps: [{ key: 't2', change: 'ADDED', fields: [] }],
    actions: [
      { key: 'b1', change: 'CHANGED', fields: ['step'] },
      { key: 'c2', change: 'ADDED', fields: [] },
      { key: 'f1', change: 'CHANGED', fields: ['dependsOn'] },
    ],
    painPoints: [{ key: 'p1', change: 'CHANGED', fields: ['severity'] }],
    dependencies: [{ from: 'f1', to: 'b1', change: 'REMOVED' }],
    departments: [
      { department: it, before: 2, after: 0 },
      { department: ops, before: 2, after: 5 },
    ],
    handoffs: [{ from: ops, to: it, before: 1, after: 0 }],
    totalImpactBefore: 4,
    totalImpactAfter: 5,
  };
}

const actionPath = (step: number, action: number) => `document.stages[0].steps[${step}].actions[${action}]`;

/** The findings of lintExample as [rule, severity, path], sorted (see test/unit/lint-document.spec.ts). */
export const LINT_EXAMPLE_FINDINGS = [
  ['STEP_WITHOUT_CUSTOMER', 'WARNING', 'document.stages[0].steps[1]'],
  ['UNOWNED_ACTION', 'WARNING', actionPath(0, 2)],
  ['DEPENDENCY_CYCLE', 'WARNING', actionPath(0, 0)],
  ['REVERSE_DEPENDENCY', 'INFO', `${actionPath(0, 3)}.dependsOn[0]`],
  ['REVERSE_DEPENDENCY', 'INFO', `${actionPath(0, 3)}.dependsOn[1]`],
  ['REVERSE_DEPENDENCY', 'INFO', `${actionPath(0, 3)}.dependsOn[2]`],
  ['UNOWNED_ACTION', 'WARNING', actionPath(1, 1)],
  ['UNUSED_BACKSTAGE', 'INFO', actionPath(1, 1)],
  ['UNATTRIBUTED_PAIN', 'WARNING', 'document.painPoints[1]'],
].sort();
