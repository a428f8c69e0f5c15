import { OrganisationEntryKind } from './models/enums';

/**
 * An existing organisation-wide entry that an import lists with another name
 * or department: what ImportResult reports and a refused import names. A plain
 * module, so that the command line words the same changes the same way.
 */
export interface OrganisationEntryChange {
  kind: OrganisationEntryKind;
  key: string;
  before: OrganisationEntryState;
  after: OrganisationEntryState;
}

export interface OrganisationEntryState {
  name: string;
  /** The key of its department; null for a department. */
  department: string | null;
}

/** `role "agent" renamed from "Agent" to "Hotline agent" and moved from department "sales" to "service"`. */
export function describeEntryChange(change: OrganisationEntryChange): string {
  const parts: string[] = [];
  if (change.before.name !== change.after.name) parts.push(`renamed from "${change.before.name}" to "${change.after.name}"`);
  if (change.before.department !== change.after.department) {
    parts.push(`moved from department "${change.before.department}" to "${change.after.department}"`);
  }
  return `${change.kind.toLowerCase()} "${change.key}" ${parts.join(' and ')}`;
}
