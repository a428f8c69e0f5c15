import { Row } from '../database/executor';
import type { ImportRows } from './document-rows';

/**
 * How many of each of its parts a blueprint has: stages, steps, actions,
 * dependencies, pain points, named causes, system uses, and links to a role,
 * an owner or a process. Every write stores it with the blueprint's revision;
 * a read compares it with what it found, so that a read that saw a write
 * half-applied is noticed even where the revision alone cannot tell.
 */
export type BlueprintShape = number[];

export function shapeOfRows(rows: Omit<ImportRows, 'properties'>): BlueprintShape {
  const sum = (lists: { length: number }[]) => lists.reduce((total, list) => total + list.length, 0);
  return [
    rows.stages.length,
    rows.steps.length,
    rows.actions.length,
    sum(rows.dependencies.map((row) => row.to)),
    rows.painPoints.length,
    sum(rows.painCauses.map((row) => row.causes)),
    sum(rows.actionSystems.map((row) => row.systems)),
    rows.actions.reduce((total, action) => total + (action.role ? 1 : 0) + (action.department ? 1 : 0) + (action.process ? 1 : 0), 0),
  ];
}

/** The same counts of a row of blueprint-contents.cypher. */
export function shapeOfContents(row: Row): BlueprintShape {
  const actions = row.actions as { dependsOn?: unknown[]; systems?: unknown[]; role?: unknown; department?: unknown; process?: unknown }[];
  const painPoints = row.painPoints as { causes?: unknown[] }[];
  return [
    (row.stages as unknown[]).length,
    (row.steps as unknown[]).length,
    actions.length,
    actions.reduce((total, action) => total + (action.dependsOn?.length ?? 0), 0),
    painPoints.length,
    painPoints.reduce((total, painPoint) => total + (painPoint.causes?.length ?? 0), 0),
    actions.reduce((total, action) => total + (action.systems?.length ?? 0), 0),
    actions.reduce((total, action) => total + (action.role ? 1 : 0) + (action.department ? 1 : 0) + (action.process ? 1 : 0), 0),
  ];
}

export function sameShape(stored: unknown, found: BlueprintShape): boolean {
  // Blueprints written before shapes were stored have none: only their revision is checked.
  if (!Array.isArray(stored)) return true;
  return stored.length === found.length && stored.every((count, i) => Number(count) === found[i]);
}
