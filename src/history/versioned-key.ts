import { isKey } from '../common/validation-rules';

/** A blueprint named as `KEY`, or `KEY@VERSION` for one of its kept versions (the CLI's and the pages' notation). */
export interface VersionedKey {
  key: string;
  version?: number;
}

export function parseVersionedKey(text: string): VersionedKey | null {
  const match = /^(.*?)(?:@(\d{1,9}))?$/.exec(text);
  if (!match || !isKey(match[1])) return null;
  return match[2] === undefined ? { key: match[1] } : { key: match[1], version: Number(match[2]) };
}

export function versionedKeyText({ key, version }: VersionedKey): string {
  return version === undefined ? key : `${key}@${version}`;
}
