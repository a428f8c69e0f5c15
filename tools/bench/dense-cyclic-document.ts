/**
 * The heaviest shape of blueprint for the blame flow and its chains: every
 * action depends on the next `fanOut` actions, round the end back to the
 * start, so walks multiply by `fanOut` at every step and every cycle length
 * occurs. Used by the tests of the chain search and by the soak.
 */
export interface DenseCyclicSpec {
  key: string;
  actions?: number;
  fanOut?: number;
  departments?: number;
  painPoints?: number;
  /** Prefix of the organisation's keys, so that runs do not share departments. */
  orgPrefix?: string;
}

const LANES = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT'] as const;
const ACTIONS_PER_STEP = 10;

export function denseCyclicDocument(spec: DenseCyclicSpec) {
  const { key, actions = 300, fanOut = 10, departments = 20, painPoints = 30, orgPrefix = key } = spec;
  const departmentKey = (i: number) => `${orgPrefix}-d${i % departments}`;
  const actionKey = (i: number) => `a${i}`;
  const steps = Array.from({ length: Math.ceil(actions / ACTIONS_PER_STEP) }, (_, t) => ({
    key: `t${t}`,
    name: `Step ${t + 1}`,
    actions: Array.from({ length: Math.min(ACTIONS_PER_STEP, actions - t * ACTIONS_PER_STEP) }, (_, j) => {
      const i = t * ACTIONS_PER_STEP + j;
      return {
        key: actionKey(i),
        lane: LANES[i % LANES.length],
        name: `Action ${i}`,
        // Customer actions have no owner, as in real blueprints: they pass their blame on.
        ...(i % LANES.length === 0 ? {} : { department: departmentKey(i) }),
        dependsOn: Array.from({ length: Math.min(fanOut, actions - 1) }, (_, k) => actionKey((i + k + 1) % actions)),
      };
    }),
  }));
  return {
    key,
    name: `Dense cyclic ${actions} x ${fanOut}`,
    departments: Array.from({ length: Math.min(departments, actions) }, (_, i) => ({ key: departmentKey(i), name: `Department ${i}` })),
    stages: [{ key: 's0', name: 'All steps', steps }],
    painPoints: Array.from({ length: painPoints }, (_, p) => ({
      key: `p${p}`,
      title: `Pain ${p}`,
      action: actionKey((p * LANES.length) % actions),
      severity: 1 + (p % 5),
    })),
  };
}
