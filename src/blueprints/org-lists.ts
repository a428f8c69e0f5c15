/** The kinds of organisation-wide entry a blueprint references by key, and the document's list of each. */

export type OrgKind = 'department' | 'role' | 'system' | 'process';

export const ORG_LISTS = { department: 'departments', role: 'roles', system: 'systems', process: 'processes' } as const satisfies Record<OrgKind, string>;
export const ORG_KINDS = Object.keys(ORG_LISTS) as OrgKind[];
