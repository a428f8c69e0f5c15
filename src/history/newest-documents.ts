import { Injectable } from '@nestjs/common';
import { remember } from '../common/recent-entries';
import type { VersionStamp } from '../blueprints/blueprint-store';
import { DocumentPatch, DocumentRecords, applyPatch, keepReferencedEntries } from './document-records';

/** A version by its number and time: a blueprint deleted and made again counts from 1 anew. */
const identity = ({ version, at }: VersionStamp) => `${version}@${at}`;

/** How many blueprints' newest documents one instance keeps: those its pages drew last. */
export const NEWEST_DOCUMENTS_KEPT = 32;

/**
 * The newest version's records of the blueprints this instance drew or wrote
 * last, each under its version number. A version's records never change, so
 * an entry is right whenever the database says the blueprint is at its
 * version; anything else is read from the database. An edit here moves its
 * entry forward by what it changed, once it has committed, so that the page
 * that made the edit redraws without reading the whole blueprint.
 */
@Injectable()
export class NewestDocuments {
  private readonly kept = new Map<string, { version: string; records: DocumentRecords }>();

  get(key: string, version: VersionStamp): DocumentRecords | undefined {
    const entry = this.kept.get(key);
    if (!entry || entry.version !== identity(version)) return undefined;
    remember(this.kept, key, entry, NEWEST_DOCUMENTS_KEPT);
    return entry.records;
  }

  set(key: string, version: VersionStamp, records: DocumentRecords): void {
    remember(this.kept, key, { version: identity(version), records }, NEWEST_DOCUMENTS_KEPT);
  }

  /**
   * Version `to` is version `from` with `change` applied (an edit's change,
   * which may keep organisation entries no action references any more).
   */
  advance(key: string, from: VersionStamp, to: VersionStamp, change: DocumentPatch): void {
    const entry = this.kept.get(key);
    if (entry?.version === identity(from)) this.set(key, to, keepReferencedEntries(applyPatch(entry.records, change)));
    else this.kept.delete(key);
  }
}
