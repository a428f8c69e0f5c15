import { RowChanges } from '../editing/row-changes';
import { Injectable } from '@nestjs/common';
import { QueryRunner, Row } from '../database/executor';
import { int } from '../database/driver-values';
import { assembleBlueprint, blueprintHeader } from './blueprint-assembly';
import { ExternalReference, OrgKind } from './document-validation';
import { ORG_LISTS, unknownEntryMessage } from './org-lists';
import { ImportRows } from './document-rows';
import { Blueprint } from './models/blueprint.model';
import { BlueprintState, OrganisationEntryKind } from './models/enums';
import { OrganisationEntryChange } from './organisation-changes';
import { compareKeys } from '../common/compare-keys';
import { Problem, ServiceUnavailableError } from '../common/errors';
import { sameShape, shapeOfContents } from './blueprint-shape';
import { KnownEntries } from '../history/version-document';

interface ChangedEntryRow {
  kind: OrgKind;
  key: string;
  name: [string, string];
  department?: [string, string];
}

/** What checkImport finds, under the write lock. */
export interface ImportCheck {
  exists: boolean;
  /** The blueprint's current version; null when it does not exist. */
  version: number | null;
  problems: Problem[];
  organisationChanges: OrganisationEntryChange[];
  /** The referenced entries that exist, as they are. */
  known: KnownEntries;
}

const NOTHING_LISTED = { departments: [], roles: [], systems: [], processes: [] };

/** Enough for a blueprint under a stream of writes (each read of one takes a few ms); then the caller hears why. */
const MAX_READ_ATTEMPTS = 25;

const blueprintKeyOf = (row: Row) => (row.blueprint as { key: string }).key;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The version a write makes, and when. */
export interface VersionStamp {
  version: number;
  at: string;
}

/** The start of a read: the blueprints by key, or all of them (null). */
/** Which blueprints a read starts from: those named, else those in the states given, else all. */
function matchBlueprints(keys: string[] | null, states: readonly BlueprintState[] | null): string {
  if (keys !== null) return 'blueprints-by-key';
  return states === null ? 'blueprints-all' : 'blueprints-in-states';
}

/** Those of `blueprints` in one of `states` (every one when null): a read by key does not filter by state. */
function inStates(blueprints: Blueprint[], states: readonly BlueprintState[] | null): Blueprint[] {
  return states === null ? blueprints : blueprints.filter((blueprint) => states.includes(blueprint.state));
}

/** Reads and writes of blueprints inside a transaction the caller owns. */
@Injectable()
export class BlueprintStore {
  /** All blueprints when `keys` is null. Headers only: no stages, no pain points. */
  async headers(runner: QueryRunner, keys: string[] | null, states: readonly BlueprintState[] | null = null): Promise<Blueprint[]> {
    const rows = await runner.run([matchBlueprints(keys, states), 'blueprint-headers'], { keys, states });
    return inStates(rows.map(blueprintHeader), states);
  }

  /**
   * Whole blueprints, all of them when `keys` is null, each as one committed
   * revision. Neo4j reads are read-committed: one statement can see a write
   * that commits while it runs, half before and half after. So each blueprint's
   * revision is read before its contents and again after them, and its stored
   * shape compared with what was found; a blueprint that changed meanwhile is
   * read again, alone, until it holds still. Two round trips when nothing is
   * being written.
   */
  async contents(runner: QueryRunner, keys: string[] | null, states: readonly BlueprintState[] | null = null): Promise<Blueprint[]> {
    const settled: Row[] = [];
    let rows = await runner.run([matchBlueprints(keys, states), 'blueprint-contents'], { keys, states });
    for (let attempt = 1; rows.length > 0; attempt++) {
      const unsettled = await this.unsettled(runner, rows, settled);
      if (unsettled.length === 0) break;
      if (attempt >= MAX_READ_ATTEMPTS) {
        throw new ServiceUnavailableError(
          `The blueprint "${unsettled[0]}" kept changing while it was read (${MAX_READ_ATTEMPTS} tries); ask again`,
        );
      }
      await sleep(attempt * (1 + Math.random() * 4));
      rows = await runner.run(['blueprints-by-key', 'blueprint-contents'], { keys: unsettled });
    }
    return inStates(settled.sort((a, b) => compareKeys(blueprintKeyOf(a), blueprintKeyOf(b))).map(assembleBlueprint), states);
  }

  /** Moves the rows that show one committed revision into `settled`; the keys of the others. Deleted ones are dropped. */
  private async unsettled(runner: QueryRunner, rows: Row[], settled: Row[]): Promise<string[]> {
    const after = new Map(
      (await runner.run('blueprint-revisions', { keys: rows.map(blueprintKeyOf) })).map((row) => [row.key as string, row.revision]),
    );
    const again: string[] = [];
    for (const row of rows) {
      const key = blueprintKeyOf(row);
      const revision = after.get(key);
      if (revision == null) continue;
      if (row.revision != null && Number(row.revision) === Number(revision) && sameShape(row.shape, shapeOfContents(row))) settled.push(row);
      else again.push(key);
    }
    return again;
  }

  async one(runner: QueryRunner, key: string): Promise<Blueprint | null> {
    const [blueprint] = await this.contents(runner, [key]);
    return blueprint ?? null;
  }

  /**
   * The first statement of every transaction that writes a blueprint (see
   * BlueprintsService.writeBlueprints): such writes then run one at a time, see
   * what the ones before them committed, and cannot deadlock on the
   * organisation's shared nodes.
   */
  async lockWrites(runner: QueryRunner): Promise<void> {
    await runner.run('blueprint-writes-lock');
  }

  /** Counts a write that renamed or moved shared organisation entries (the owners kept analysis results rely on). */
  async countOrganisationWrite(runner: QueryRunner): Promise<void> {
    await runner.run('organisation-writes-lock');
  }

  /**
   * Whether the blueprint exists, a problem for every reference to an
   * organisation-wide key that neither the document nor the database has,
   * and the existing entries that `listed` would rename or move.
   */
  async checkImport(
    runner: QueryRunner,
    key: string,
    references: ExternalReference[],
    listed: Pick<ImportRows, 'departments' | 'roles' | 'systems' | 'processes'> = NOTHING_LISTED,
  ): Promise<ImportCheck> {
    const keysOf = (kind: OrgKind) => [...new Set(references.filter((r) => r.kind === kind).map((r) => r.key))];
    const [row] = await runner.run('import-check', {
      key,
      departments: keysOf('department'),
      roles: keysOf('role'),
      systems: keysOf('system'),
      processes: keysOf('process'),
      listedDepartments: listed.departments,
      listedRoles: listed.roles,
      listedSystems: listed.systems,
      listedProcesses: listed.processes,
    });
    const missing: Record<OrgKind, Set<string>> = {
      department: new Set(row.missingDepartments as string[]),
      role: new Set(row.missingRoles as string[]),
      system: new Set(row.missingSystems as string[]),
      process: new Set(row.missingProcesses as string[]),
    };
    const problems = references
      .filter((reference) => missing[reference.kind].has(reference.key))
      .map((reference) => ({
        path: reference.path,
        message: unknownEntryMessage(reference.kind, reference.key, listed[ORG_LISTS[reference.kind]].map((entry) => entry.key)),
      }));
    const organisationChanges = (row.changedEntries as ChangedEntryRow[]).map(
      ({ kind, key, name, department }): OrganisationEntryChange => ({
        kind: kind.toUpperCase() as OrganisationEntryKind,
        key,
        before: { name: name[0], department: department?.[0] ?? null },
        after: { name: name[1], department: department?.[1] ?? null },
      }),
    );
    return {
      exists: row.exists as boolean,
      version: (row.version as number | null) ?? null,
      problems,
      organisationChanges,
      known: {
        departments: row.knownDepartments as KnownEntries['departments'],
        roles: row.knownRoles as KnownEntries['roles'],
        systems: row.knownSystems as KnownEntries['systems'],
        processes: row.knownProcesses as KnownEntries['processes'],
      },
    };
  }

  /**
   * Writes a blueprint's rows over what it had: nodes are matched by key and
   * updated, those the rows no longer have are deleted, relationships are
   * written anew. One statement per kind; empty kinds are skipped. The caller
   * took `lockWrites` at the start of its transaction.
   */
  async write(runner: QueryRunner, key: string, rows: ImportRows, stamp: VersionStamp): Promise<void> {
    await runner.run('blueprint-merge', { key, ...rows.properties, version: int(stamp.version), at: stamp.at });
    await runner.run('blueprint-unlink', {
      key,
      stageKeys: rows.stages.map((row) => row.key),
      stepKeys: rows.steps.map((row) => row.key),
      actionKeys: rows.actions.map((row) => row.key),
      painPointKeys: rows.painPoints.map((row) => row.key),
    });
    await this.runBatches(runner, key, rows, ['merge-stages', 'merge-steps', 'merge-actions', 'merge-pain-points']);
  }

  /**
   * Writes what an edit changed (editing/row-changes.ts) over the stored
   * blueprint: the removed nodes go, those whose own fields alone changed are
   * set in place, the rewritten ones are unlinked and merged again with their
   * references, the new ones are made. The blueprint's own fields and shape
   * are set as the whole document has them. A rename is one statement.
   */
  async writeChanges(runner: QueryRunner, key: string, changes: RowChanges, stamp: VersionStamp): Promise<void> {
    const { restated, rewritten, removed } = changes;
    await runner.run('blueprint-edit', { key, ...changes.rows.properties, version: int(stamp.version), at: stamp.at, restated, rewritten, removed });
    await this.runBatches(runner, key, changes.rows, ['merge-stages', 'merge-steps', 'merge-actions', 'merge-pain-points']);
  }

  /**
   * Writes the rows of a blueprint that does not exist (as `checkImport`
   * found under `lockWrites`): its own nodes are created, not merged, and
   * there is nothing to unlink. Stores what `write` would.
   */
  async create(runner: QueryRunner, key: string, rows: ImportRows, stamp: VersionStamp): Promise<void> {
    await runner.run('blueprint-create', { key, ...rows.properties, version: int(stamp.version), at: stamp.at });
    await this.runBatches(runner, key, rows, ['create-stages', 'create-steps', 'create-actions', 'create-pain-points']);
  }

  /** The organisation's entries, then the blueprint's own nodes (by the statements given) and their relationships. */
  private async runBatches(
    runner: QueryRunner,
    key: string,
    rows: ImportRows,
    [stages, steps, actions, painPoints]: [string, string, string, string],
  ): Promise<void> {
    const batches: [string, object[]][] = [
      ['upsert-departments', rows.departments],
      ['upsert-roles', rows.roles],
      ['upsert-systems', rows.systems],
      ['upsert-processes', rows.processes],
      [stages, rows.stages],
      [steps, rows.steps],
      [actions, rows.actions],
      ['create-action-systems', rows.actionSystems],
      ['create-dependencies', rows.dependencies],
      [painPoints, rows.painPoints],
      ['create-pain-causes', rows.painCauses],
    ];
    for (const [query, batch] of batches) {
      if (batch.length > 0) await runner.run(query, { key, rows: batch });
    }
  }

  async delete(runner: QueryRunner, key: string): Promise<boolean> {
    const [row] = await runner.run('blueprint-delete', { key });
    return (row?.deleted as number) > 0;
  }
}
