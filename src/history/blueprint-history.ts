import { Injectable } from '@nestjs/common';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { NotFoundError } from '../common/errors';
import { QueryRunner } from '../database/executor';
import { int } from '../database/driver-values';
import { BlueprintDocument } from '../blueprints/dto/blueprint-document';
import { DocumentPatch, DocumentRecords, applyPatch, fromRecords, keepReferencedEntries, patchBetween } from './document-records';

/**
 * How many versions of each blueprint are kept, the newest ones. A version
 * older than the newest is stored as the patch back from the one after it
 * (what that write changed, gzipped: a few hundred bytes for an edit). The
 * newest holds the whole document when an import wrote it; an edit writes
 * only its patch, and the graph is then the newest document.
 */
export const VERSIONS_KEPT = 1000;

/** One kept version as clients list it. */
export interface VersionEntry {
  version: number;
  at: string;
  operation: string;
  author: string | null;
}

/** The newest kept version, as the next write needs it. */
export interface LatestVersion {
  version: number;
  at: string;
  records: DocumentRecords;
}

/** What a write records: the new version and who made it how. */
export interface NewVersion extends VersionEntry {
  records: DocumentRecords;
}

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/** Gzipped JSON as a Neo4j byte array (the driver sends Int8Array as one). */
async function pack(value: unknown): Promise<Int8Array> {
  const bytes = await zip(Buffer.from(JSON.stringify(value)));
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function unpack<T>(bytes: unknown): Promise<T> {
  const view = bytes as ArrayBufferView;
  const buffer = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  return JSON.parse((await unzip(buffer)).toString('utf8')) as T;
}

/** A blueprint's versions, read and written inside a transaction the caller owns. */
@Injectable()
export class BlueprintHistory {
  /** Overridable so that tests can watch old versions go without a thousand writes. */
  versionsKept = VERSIONS_KEPT;

  async latest(runner: QueryRunner, key: string): Promise<LatestVersion | null> {
    const [row] = await runner.run('history-latest', { key });
    if (!row?.document) return null;
    return { version: row.version as number, at: row.at as string, records: await unpack<DocumentRecords>(row.document) };
  }

  /** Writes `next` as the newest version, whole; `previous` (the newest until now) keeps only the patch back to it. */
  async record(runner: QueryRunner, key: string, next: NewVersion, previous: LatestVersion | null): Promise<void> {
    await this.write(runner, key, next, await pack(next.records), previous && { version: previous.version, patch: patchBetween(next.records, previous.records) });
  }

  /**
   * Writes the version an edit made without its document (the graph holds it):
   * the version before it keeps the patch back, what the edit changed.
   */
  async recordChange(runner: QueryRunner, key: string, next: VersionEntry, previousVersion: number, patchBack: DocumentPatch): Promise<void> {
    await this.write(runner, key, next, null, { version: previousVersion, patch: patchBack });
  }

  private async write(runner: QueryRunner, key: string, next: VersionEntry, document: Int8Array | null, previous: { version: number; patch: DocumentPatch } | null) {
    await runner.run('history-record', {
      key,
      version: int(next.version),
      at: next.at,
      operation: next.operation,
      author: next.author,
      document,
      previousVersion: previous ? int(previous.version) : null,
      previousPatch: previous ? await pack(previous.patch) : null,
      kept: int(this.versionsKept),
    });
  }

  /** The kept versions, newest first; null when the blueprint does not exist. */
  async list(runner: QueryRunner, key: string): Promise<VersionEntry[] | null> {
    const [row] = await runner.run('history-list', { key });
    return row ? (row.versions as VersionEntry[]) : null;
  }

  /**
   * The document of a kept version: the newest document, patched back version
   * by version. `current` gives the blueprint's records as the graph holds
   * them, for a newest version that an edit wrote without its document.
   */
  async document(
    runner: QueryRunner,
    key: string,
    version: number,
    current: () => Promise<DocumentRecords>,
  ): Promise<{ document: BlueprintDocument; entry: VersionEntry }> {
    const [row] = await runner.run('history-since', { key, version: int(version) });
    if (!row) throw new NotFoundError(`No blueprint has the key "${key}"`);
    const versions = row.versions as (VersionEntry & { document?: unknown; patch?: unknown })[];
    const target = versions[versions.length - 1];
    if (!target || target.version !== version) {
      const kept = versions.length > 0 ? `; the versions kept reach back to ${versions[versions.length - 1].version}` : '';
      throw new NotFoundError(`Blueprint "${key}" has no kept version ${version} (it is at version ${row.current}${kept})`);
    }
    const whole = versions[0].document;
    let records = whole ? await unpack<DocumentRecords>(whole) : await current();
    for (const older of versions.slice(1)) records = applyPatch(records, await unpack<DocumentPatch>(older.patch));
    // Patches of edits keep every organisation entry they saw; a version lists those it references.
    if (!whole) records = keepReferencedEntries(records);
    const { at, operation, author } = target;
    return { document: fromRecords(records), entry: { version, at, operation, author } };
  }
}
