import { Integer, isInt } from 'neo4j-driver';
import { Row } from '../database/executor';
import type { ImportRows } from './document-rows';

/**
 * How many of each of its parts a blueprint has (stages, steps, actions,
 * dependencies, pain points, named causes, system uses, and links to a role,
 * an owner or a process), then a checksum of their contents. Every write
 * stores it with the blueprint's revision; a read compares it with what it
 * found. Neo4j reads are read-committed, and a reader may see a commit
 * half-applied even where the revision it read before and after is the same:
 * the counts notice a part that is missing, the checksum a part of another
 * version.
 *
 * The checksum is the sum, modulo 2^32, of a hash of each part's own fields
 * and the keys it links to (not its position, which an edit renumbers among
 * siblings), so that an edit moves it by what it changed in the parts it read
 * (shiftedShape), as it moves the counts.
 */
export type BlueprintShape = number[];

const COUNTS = 8;
const CHECKSUM = COUNTS;
const MODULUS = 2 ** 32;

export function shapeOfRows(rows: ImportRows): BlueprintShape {
  const sum = (lists: { length: number }[]) => lists.reduce((total, list) => total + list.length, 0);
  const { properties: b } = rows;
  const parts: unknown[][] = [
    ['b', b.name, b.description, b.state, b.personaName, b.personaDescription],
    ...rows.stages.map((s) => ['s', s.key, s.name]),
    ...rows.steps.map((t) => ['t', t.key, t.name, t.stage, t.evidence]),
    ...rows.actions.map((a) => ['a', a.key, a.step, a.lane, a.name, a.description, a.channel, a.touchpoint, a.emotion, a.role, a.department, a.process]),
    ...rows.dependencies.flatMap(({ from, to }) => to.map((x) => ['d', from, x])),
    ...rows.actionSystems.flatMap(({ action, systems }) => systems.map((y) => ['y', action, y])),
    ...rows.painPoints.map((p) => ['p', p.key, p.title, p.description, p.action, p.severity, p.frequency, p.category]),
    ...rows.painCauses.flatMap(({ painPoint, causes }) => causes.map((x) => ['c', painPoint, x])),
  ];
  return [
    rows.stages.length,
    rows.steps.length,
    rows.actions.length,
    sum(rows.dependencies.map((row) => row.to)),
    rows.painPoints.length,
    sum(rows.painCauses.map((row) => row.causes)),
    sum(rows.actionSystems.map((row) => row.systems)),
    rows.actions.reduce((total, action) => total + (action.role ? 1 : 0) + (action.department ? 1 : 0) + (action.process ? 1 : 0), 0),
    checksumOf(parts),
  ];
}

type ContentsAction = Record<string, unknown> & { dependsOn?: unknown[][]; systems?: unknown[][]; role?: unknown[]; department?: unknown[]; process?: unknown[] };
type ContentsPainPoint = Record<string, unknown> & { causes?: unknown[][] };

/** The same of a row of blueprint-contents.cypher. */
export function shapeOfContents(row: Row): BlueprintShape {
  const b = row.blueprint as Record<string, unknown>;
  const stages = row.stages as Record<string, unknown>[];
  const steps = row.steps as Record<string, unknown>[];
  const actions = row.actions as ContentsAction[];
  const painPoints = row.painPoints as ContentsPainPoint[];
  const parts: unknown[][] = [
    ['b', b.name, b.description, b.state, b.personaName, b.personaDescription],
    ...stages.map((s) => ['s', s.key, s.name]),
    ...steps.map((t) => ['t', t.key, t.name, t.stage, t.evidence]),
    ...actions.map((a) => [
      'a', a.key, a.step, a.lane, a.name, a.description, a.channel, a.touchpoint, a.emotion, a.role?.[0], a.department?.[0], a.process?.[0],
    ]),
    ...actions.flatMap((a) => (a.dependsOn ?? []).map((x) => ['d', a.key, x[1]])),
    ...actions.flatMap((a) => (a.systems ?? []).map((y) => ['y', a.key, y[1]])),
    ...painPoints.map((p) => ['p', p.key, p.title, p.description, p.action, p.severity, p.frequency, p.category]),
    ...painPoints.flatMap((p) => (p.causes ?? []).map((x) => ['c', p.key, x[1]])),
  ];
  return [
    stages.length,
    steps.length,
    actions.length,
    actions.reduce((total, action) => total + (action.dependsOn?.length ?? 0), 0),
    painPoints.length,
    painPoints.reduce((total, painPoint) => total + (painPoint.causes?.length ?? 0), 0),
    actions.reduce((total, action) => total + (action.systems?.length ?? 0), 0),
    actions.reduce((total, action) => total + (action.role ? 1 : 0) + (action.department ? 1 : 0) + (action.process ? 1 : 0), 0),
    checksumOf(parts),
  ];
}

/**
 * Whether a read found what was stored. Blueprints written before shapes were
 * stored have none, and only their revision is checked; those stored before
 * the checksum have the counts alone, which an edit keeps moving.
 */
export function sameShape(stored: unknown, found: BlueprintShape): boolean {
  if (!Array.isArray(stored)) return true;
  return stored.length <= found.length && stored.every((entry, i) => Number(entry) === found[i]);
}

/** The stored shape moved by an edit: less the shape of the parts it read, plus that of what it wrote in their place. */
export function shiftedShape(stored: BlueprintShape | null, was: BlueprintShape, now: BlueprintShape): BlueprintShape | null {
  if (!stored) return null;
  return stored.map((entry, i) => (i === CHECKSUM ? modulo(entry - was[i] + now[i]) : entry - was[i] + now[i]));
}

function checksumOf(parts: unknown[][]): number {
  return parts.reduce<number>((sum, part) => modulo(sum + hashOf(part.map(fieldText).join('\u0000'))), 0);
}

/** One spelling of a field whichever side it comes from: absent is empty, driver integers are numbers, lists are joined. */
function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isInt(value)) return String((value as Integer).toNumber());
  if (Array.isArray(value)) return value.map(fieldText).join('\u0001');
  return String(value);
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and spread enough that a part of another version changes the sum. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const modulo = (value: number) => ((value % MODULUS) + MODULUS) % MODULUS;
