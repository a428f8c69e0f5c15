import { didYouMean } from '../common/nearest-name';

/** The kinds of organisation-wide entry a blueprint references by key, and the document's list of each. */

export type OrgKind = 'department' | 'role' | 'system' | 'process';

export const ORG_LISTS = { department: 'departments', role: 'roles', system: 'systems', process: 'processes' } as const satisfies Record<OrgKind, string>;
export const ORG_KINDS = Object.keys(ORG_LISTS) as OrgKind[];

/** The problem of a reference to an entry that neither the document nor the organisation has, with the nearest of `known`. */
export function unknownEntryMessage(kind: OrgKind, key: string, known: Iterable<string>): string {
  return `names no ${kind} of the document or the organisation: "${key}"${didYouMean(key, known)}`;
}
