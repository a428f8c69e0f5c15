import { Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { KEY_MESSAGE, NAME_MESSAGE, isKey, isNameText } from '../common/validation-rules';
import { Neo4jExecutor, QueryRunner } from '../database/executor';
import { BlueprintChangeFeed } from '../live/blueprint-change-feed';
import { BlueprintHistory, LatestVersion, VersionEntry } from '../history/blueprint-history';
import { NewestDocuments } from '../history/newest-documents';
import { DocumentRecords, fromRecords, isEmptyPatch, patchBetween, toRecords } from '../history/document-records';
import { versionDocument } from '../history/version-document';
import { WriteRequest, checkExpectedVersion } from '../history/write-request';
import { blueprintToDocument } from './blueprint-assembly';
import { BlueprintStore, ImportCheck } from './blueprint-store';
import { OrganisationEntryChange, describeEntryChange } from './organisation-changes';
import { DocumentCheck, checkDocument } from './document-validation';
import { ImportRows, documentToRows } from './document-rows';
import { BlueprintDocument } from './dto/blueprint-document';
import { MAX_DOCUMENTS_PER_IMPORT } from './import-limits';
import { Blueprint } from './models/blueprint.model';
import { BlueprintState, ImportMode } from './models/enums';

export interface ImportOutcome {
  blueprint: Blueprint;
  created: boolean;
  /** The existing departments, roles, systems and processes that the import renamed or moved. */
  organisationChanges: OrganisationEntryChange[];
}

export interface ImportOptions {
  /** The name of the document's root in problem paths (`document`, or a file's name). */
  root?: string;
  withContents?: boolean;
  /**
   * Whether the import may rename or move existing organisation-wide entries,
   * which every blueprint shares (admin keys; trusted in-process callers).
   */
  mayChangeOrganisation?: boolean;
  /** Refuse (CONFLICT, nothing written) an import that would rename or move existing entries, whoever asks. */
  keepOrganisation?: boolean;
  /** Who imports, and against which version; in-process callers are anonymous imports. */
  write?: WriteRequest;
}

const ANONYMOUS_IMPORT: WriteRequest = { operation: 'importBlueprint', author: null };

@Injectable()
export class BlueprintsService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly store: BlueprintStore,
    private readonly history: BlueprintHistory,
    private readonly changes: BlueprintChangeFeed,
    private readonly newest: NewestDocuments,
  ) {}

  /** Lists blueprints by key; with `withContents` false only their own fields are read. */
  list(withContents: boolean): Promise<Blueprint[]> {
    return this.executor.read((runner) =>
      withContents ? this.store.contents(runner, null) : this.store.headers(runner, null),
    );
  }

  async get(key: string, withContents: boolean): Promise<Blueprint | null> {
    const [blueprint] = await this.executor.read((runner) =>
      withContents ? this.store.contents(runner, [key]) : this.store.headers(runner, [key]),
    );
    return blueprint ?? null;
  }

  /** The blueprints with these keys, by key, in one read; absent ones are left out. */
  async byKeys(keys: string[], withContents: boolean): Promise<Map<string, Blueprint>> {
    const blueprints = await this.executor.read((runner) =>
      withContents ? this.store.contents(runner, keys) : this.store.headers(runner, keys),
    );
    return new Map(blueprints.map((blueprint) => [blueprint.key, blueprint]));
  }

  /** The current document, or that of a kept version. */
  async export(key: string, version?: number | null): Promise<BlueprintDocument> {
    return (await this.executor.read((runner) => this.documentIn(runner, key, version))).document;
  }

  /**
   * The newest version's document as its write left it, with the kept
   * versions, for a page that follows the blueprint's changes: as this
   * instance keeps it (history/newest-documents.ts), else one record when an
   * import wrote it, else the graph's (NOT_FOUND when no blueprint has the key).
   */
  async newestVersion(key: string): Promise<{ document: BlueprintDocument; version: number; versions: VersionEntry[] }> {
    return this.executor.read(async (runner) => {
      const versions = await this.history.list(runner, key);
      if (!versions) throw new NotFoundError(`No blueprint has the key "${key}"`);
      const kept = versions.length > 0 ? this.newest.get(key, versions[0]) : undefined;
      if (kept) return { document: fromRecords(kept), version: versions[0].version, versions };
      // Not kept here: an import's version holds its document; an edit's is the graph's.
      const latest = await this.newestRecords(runner, key);
      runner.afterCommit(() => this.newest.set(key, latest, latest.records));
      return { document: fromRecords(latest.records), version: latest.version, versions };
    });
  }

  /** The kept versions, newest first. */
  async versions(key: string): Promise<VersionEntry[]> {
    const versions = await this.executor.read((runner) => this.history.list(runner, key));
    if (!versions) throw new NotFoundError(`No blueprint has the key "${key}"`);
    return versions;
  }

  /**
   * Validates everything, then writes the whole document in one transaction.
   * The blueprint returned is its header unless `withContents` asks for the
   * whole tree: reading back what was just written costs as much as a good
   * part of the write, and most callers want only the key.
   */
  async import(raw: unknown, mode: ImportMode, options: ImportOptions = {}): Promise<ImportOutcome> {
    const checked = checkDocument(raw, options.root);
    if (!checked.document) throw new BadUserInputError(checked.problems);
    return this.writeBlueprints((runner) => this.importIn(runner, checked, mode, options));
  }

  /**
   * Imports documents in order in one transaction: all or none. Every rule
   * that needs no database is checked on every document first; then each is
   * checked against the database as the ones before it left it, and written.
   */
  async importMany(raws: unknown[], mode: ImportMode, options: ImportOptions = {}): Promise<ImportOutcome[]> {
    if (raws.length < 1 || raws.length > MAX_DOCUMENTS_PER_IMPORT) {
      throw new BadUserInputError([{ path: 'documents', message: `must hold 1 to ${MAX_DOCUMENTS_PER_IMPORT} documents` }]);
    }
    if (options.write?.expectedVersion != null && raws.length !== 1) {
      throw new BadUserInputError([{ path: 'expectedVersion', message: 'needs exactly one document: each blueprint has its own version' }]);
    }
    const checked = raws.map((raw, i) => checkDocument(raw, `documents[${i}]`));
    const firstOfKey = new Map<unknown, number>();
    const problems = checked.flatMap((check, i) => {
      const key = check.document?.key;
      const first = firstOfKey.get(key);
      if (first === undefined) firstOfKey.set(key, i);
      const repeated = first === undefined ? [] : [{ path: `documents[${i}].key`, message: `repeats the key of documents[${first}]: "${String(key)}"` }];
      return [...check.problems, ...repeated];
    });
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.writeBlueprints(async (runner) => {
      const outcomes: ImportOutcome[] = [];
      for (const check of checked) outcomes.push(await this.importIn(runner, check, mode, options));
      return outcomes;
    });
  }

  /**
   * Copies a blueprint under a new key, as a state of its own (a FUTURE state
   * to rework, by default): the same stages, actions and pain points,
   * referencing the same organisation entries. Version 1 of the copy names its source.
   */
  async duplicate(key: string, copy: { key: string; name?: string | null; state: BlueprintState }, author: string | null): Promise<Blueprint> {
    if (!isKey(copy.key)) throw new BadUserInputError([{ path: 'newKey', message: KEY_MESSAGE }]);
    if (copy.name != null && !isNameText(copy.name)) throw new BadUserInputError([{ path: 'name', message: NAME_MESSAGE }]);
    return this.writeBlueprints(async (runner) => {
      const source = await this.blueprintIn(runner, key);
      const document: BlueprintDocument = {
        ...blueprintToDocument(source),
        key: copy.key,
        name: copy.name ?? source.name,
        state: copy.state,
        ...REFERENCES_ONLY,
      };
      const operation = `duplicateBlueprint (of ${key}, version ${source.version})`;
      const { blueprint } = await this.importIn(runner, checkDocument(document), ImportMode.CREATE, { write: { operation, author } });
      return blueprint;
    });
  }

  private async importIn(runner: QueryRunner, checked: DocumentCheck, mode: ImportMode, options: ImportOptions): Promise<ImportOutcome> {
    const { problems, externalReferences } = checked;
    const document = checked.document!;
    const write = options.write ?? ANONYMOUS_IMPORT;
    const key = typeof document.key === 'string' ? document.key : '';
    const rows = problems.length === 0 ? documentToRows(document) : undefined;
    const check = await this.store.checkImport(runner, key, externalReferences, rows);
    checkExpectedVersion(key, write, check.version);
    const allProblems = [...problems, ...check.problems];
    if (allProblems.length > 0 || !rows) throw new BadUserInputError(allProblems);
    if (check.exists && mode === ImportMode.CREATE) {
      throw new ConflictError(`A blueprint with the key "${document.key}" exists; import it with mode REPLACE to replace it`, {
        currentVersion: check.version,
      });
    }
    if (check.organisationChanges.length > 0 && options.mayChangeOrganisation === false) {
      throw new ForbiddenError(
        'This import would change organisation-wide entries that every blueprint shares, which needs the role admin: ' +
          check.organisationChanges.map(describeEntryChange).join('; ') +
          '. List them as they are, or leave them out and only reference them.',
        { organisationChanges: check.organisationChanges },
      );
    }
    if (check.organisationChanges.length > 0 && options.keepOrganisation) {
      throw new ConflictError(
        'This import would change organisation-wide entries that every blueprint shares: ' +
          check.organisationChanges.map(describeEntryChange).join('; ') +
          '. Nothing was written; import with updateOrganisation: true (the default) to change them, or list them as they are.',
        { organisationChanges: check.organisationChanges },
      );
    }
    await this.commit(runner, document, rows, check, write);
    const [blueprint] = options.withContents
      ? await this.store.contents(runner, [document.key])
      : await this.store.headers(runner, [document.key]);
    return { blueprint, created: !check.exists, organisationChanges: check.organisationChanges };
  }

  /**
   * Writes a checked document over its blueprint (or as a new one) and records
   * the version this makes, in the caller's write transaction. A document that
   * would leave the blueprint as its current version has it writes nothing and
   * makes no version. Returns whether it wrote.
   */
  async commit(runner: QueryRunner, document: BlueprintDocument, rows: ImportRows, check: ImportCheck, write: WriteRequest): Promise<boolean> {
    const key = document.key;
    const records = toRecords(versionDocument(document, check.known));
    const previous = check.exists ? await this.newestRecords(runner, key) : null;
    const unchanged = previous !== null && isEmptyPatch(patchBetween(previous.records, records));
    if (unchanged && check.organisationChanges.length === 0) return false;
    const stamp = { version: (check.version ?? 0) + 1, at: new Date().toISOString() };
    if (check.exists) await this.store.write(runner, key, rows, stamp);
    else await this.store.create(runner, key, rows, stamp);
    if (check.organisationChanges.length > 0) await this.store.countOrganisationWrite(runner);
    await this.history.record(runner, key, { ...stamp, operation: write.operation, author: write.author, records }, previous);
    runner.afterCommit(() => this.newest.set(key, stamp, records));
    return true;
  }

  async delete(key: string): Promise<boolean> {
    const deleted = await this.writeBlueprints((runner) => this.store.delete(runner, key));
    if (!deleted) throw new NotFoundError(`No blueprint has the key "${key}"`);
    return true;
  }

  /**
   * The transaction of every blueprint write (import, edit, delete): it queues
   * behind the other blueprint writes first (cypher/blueprint-writes-lock.cypher).
   */
  async writeBlueprints<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const result = await this.executor.write(async (runner) => {
      await this.store.lockWrites(runner);
      return work(runner);
    });
    // Committed: this instance's watchers hear of it now; every instance's at its next look at the database.
    this.changes.wake();
    return result;
  }

  /** The blueprint whole, read inside the caller's transaction; NOT_FOUND if absent. */
  async blueprintIn(runner: QueryRunner, key: string): Promise<Blueprint> {
    const blueprint = await this.store.one(runner, key);
    if (!blueprint) throw new NotFoundError(`No blueprint has the key "${key}"`);
    return blueprint;
  }

  /** The blueprint as a document, or a kept version of it, with its version, read inside the caller's transaction. */
  async documentIn(runner: QueryRunner, key: string, version?: number | null): Promise<{ document: BlueprintDocument; version: number }> {
    if (version != null) {
      // The current version is the blueprint as it is now, with the organisation as it is now (an entry renamed
      // since the write shows its new name); older versions are as their writes left them.
      const [header] = await this.store.headers(runner, [key]);
      if (!header) throw new NotFoundError(`No blueprint has the key "${key}"`);
      if (header.version !== version) {
        const { document } = await this.history.document(runner, key, version, () => this.currentRecords(runner, key));
        return { document, version };
      }
    }
    const blueprint = await this.blueprintIn(runner, key);
    return { document: blueprintToDocument(blueprint), version: blueprint.version };
  }

  /** The newest version as the next write patches it back: its kept document, or the graph's. */
  async newestRecords(runner: QueryRunner, key: string): Promise<LatestVersion> {
    const latest = await this.history.latest(runner, key);
    if (latest) return latest;
    const blueprint = await this.blueprintIn(runner, key);
    return { version: blueprint.version, at: blueprint.updatedAt, records: await this.currentRecords(runner, key, blueprint) };
  }

  /** The blueprint's records as the graph holds them, its organisation entries as they are now. */
  private async currentRecords(runner: QueryRunner, key: string, read?: Blueprint): Promise<DocumentRecords> {
    const blueprint = read ?? (await this.blueprintIn(runner, key));
    return toRecords(versionDocument(blueprintToDocument(blueprint), NOTHING_KNOWN));
  }
}

const NOTHING_KNOWN = { departments: [], roles: [], systems: [], processes: [] };

/** A document whose organisation-wide entries are only referenced, checked against the database as they are now. */
export const REFERENCES_ONLY = { departments: null, roles: null, systems: null, processes: null };

