import { createHash, randomBytes } from 'node:crypto';
import { AccessRole, isAccessRole } from './access-role';

/** A key as the server keeps it: never the key itself, only its SHA-256. */
export interface ApiKey {
  role: AccessRole;
  /** Names the key in logs and errors, so that the key itself never appears there. */
  label: string;
  sha256: string;
}

export const MIN_KEY_LENGTH = 20;

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key (256 bits, URL-safe) and the line that grants it a role in an API keys file. */
export function newApiKey(role: AccessRole, label: string): { key: string; fileLine: string } {
  const key = randomBytes(32).toString('base64url');
  return { key, fileLine: `${role} sha256:${hashKey(key)} ${label}` };
}

/**
 * Keys from API_KEYS: comma-separated `role:key` entries. Problems name the
 * entry by position, never by its key.
 */
export function parseKeysVariable(value: string, problems: string[]): ApiKey[] {
  const keys: ApiKey[] = [];
  value
    .split(',')
    .map((entry) => entry.trim())
    .forEach((entry, index) => {
      const where = `API_KEYS entry ${index + 1}`;
      if (entry === '') return problems.push(`${where} is empty`);
      const colon = entry.indexOf(':');
      const role = colon < 0 ? '' : entry.slice(0, colon).trim();
      const key = colon < 0 ? '' : entry.slice(colon + 1).trim();
      if (!isAccessRole(role)) return problems.push(`${where}: expected role:key with a role of viewer, designer or admin`);
      if (key.length < MIN_KEY_LENGTH) return problems.push(`${where}: the key must have at least ${MIN_KEY_LENGTH} characters`);
      keys.push({ role, label: `API_KEYS #${index + 1} (${role})`, sha256: hashKey(key) });
    });
  return keys;
}

/**
 * Keys from an API keys file: one `role sha256:<hex> [label]` per line; blank
 * lines and `#` comments are skipped. `blueprint api-key` prints such lines.
 */
export function parseKeysFile(text: string, fileName: string, problems: string[]): ApiKey[] {
  const keys: ApiKey[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const where = `${fileName}:${index + 1}`;
    const [role, hash, ...label] = line.split(/\s+/);
    if (!isAccessRole(role)) return problems.push(`${where}: expected a role of viewer, designer or admin first, not "${role}"`);
    const match = /^sha256:([0-9a-f]{64})$/i.exec(hash ?? '');
    if (!match) return problems.push(`${where}: expected sha256:<64 hex digits> after the role`);
    keys.push({ role, label: label.length > 0 ? label.join(' ') : `${fileName}:${index + 1} (${role})`, sha256: match[1].toLowerCase() });
  });
  return keys;
}

/** What a request's Authorization header presents: nothing, a credential, or a header that is not one. */
export type Presented = { kind: 'none' } | { kind: 'credential'; credential: string } | { kind: 'malformed'; problem: string };

/**
 * The credential of a request: `Authorization: Bearer <key>`, or Basic with
 * the key as the password (so that a browser can open the pages when keys
 * are on). The header is one scheme and one credential; anything after them
 * makes it malformed rather than ignored.
 */
export function credentialOf(authorization: string | undefined): Presented {
  if (authorization === undefined || authorization.trim() === '') return { kind: 'none' };
  const match = /^\s*(\S+) +(\S+)\s*$/.exec(authorization);
  if (!match) return { kind: 'malformed', problem: 'the Authorization header must be one scheme and one credential, as "Bearer <key>"' };
  const [, scheme, value] = match;
  if (/^bearer$/i.test(scheme)) return { kind: 'credential', credential: value };
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && colon < decoded.length - 1) return { kind: 'credential', credential: decoded.slice(colon + 1) };
    return { kind: 'malformed', problem: 'Basic credentials must carry the API key as the password' };
  }
  return { kind: 'malformed', problem: `the Authorization scheme must be Bearer or Basic, not "${scheme.slice(0, 20)}"` };
}

/** The configured keys, looked up by hash. */
export class ApiKeyRing {
  private readonly byHash: Map<string, ApiKey>;

  constructor(keys: ApiKey[]) {
    this.byHash = new Map(keys.map((key) => [key.sha256, key]));
  }

  /** Without keys the API is open (and then served on loopback only). */
  get enabled(): boolean {
    return this.byHash.size > 0;
  }

  find(presented: string): ApiKey | undefined {
    return this.byHash.get(hashKey(presented));
  }
}
