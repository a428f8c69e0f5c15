import { canonicalDocument } from '../blueprints/canonical-document';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';

/** An existing organisation-wide entry that a document references without listing it, as the database has it. */
export interface KnownEntry {
  key: string;
  name: string;
  department: string;
  departmentName: string;
}

export interface KnownEntries {
  departments: { key: string; name: string }[];
  roles: KnownEntry[];
  systems: KnownEntry[];
  processes: KnownEntry[];
}

/**
 * The document that a write leaves the blueprint with, as exportBlueprint
 * will give it: what the document lists, and the entries it only references
 * as the database has them. This is what a version records.
 */
export function versionDocument(document: BlueprintDocument, known: KnownEntries): BlueprintDocument {
  const departments = new Map<string, { key: string; name: string }>();
  const entries = [...known.roles, ...known.systems, ...known.processes];
  for (const { department: key, departmentName: name } of entries) departments.set(key, { key, name });
  for (const department of [...known.departments, ...(document.departments ?? [])]) departments.set(department.key, department);
  const listed = (own: { key: string; name: string; department: string }[] | null | undefined, found: KnownEntry[]) => [
    ...(own ?? []),
    ...found.map(({ key, name, department }) => ({ key, name, department })),
  ];
  return canonicalDocument({
    ...document,
    departments: [...departments.values()],
    roles: listed(document.roles, known.roles),
    systems: listed(document.systems, known.systems),
    processes: listed(document.processes, known.processes),
  }) as BlueprintDocument;
}
