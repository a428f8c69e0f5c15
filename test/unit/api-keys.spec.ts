import { ApiKeyRing, MIN_KEY_LENGTH, credentialOf, hashKey, newApiKey, parseKeysFile, parseKeysVariable } from '../../src/security/api-keys';
import { AccessRole } from '../../src/security/access-role';

const KEY = 'k'.repeat(MIN_KEY_LENGTH);

describe('API keys', () => {
  it('reads role:key entries from API_KEYS, keeping only hashes and labels', () => {
    const problems: string[] = [];
    const keys = parseKeysVariable(` viewer:${KEY}1 , admin:${KEY}2`, problems);
    expect(problems).toEqual([]);
    expect(keys).toEqual([
      { role: AccessRole.VIEWER, label: 'API_KEYS #1 (viewer)', sha256: hashKey(`${KEY}1`) },
      { role: AccessRole.ADMIN, label: 'API_KEYS #2 (admin)', sha256: hashKey(`${KEY}2`) },
    ]);
    expect(JSON.stringify(keys)).not.toContain(KEY);
  });

  it('names a bad API_KEYS entry by position, never quoting its key', () => {
    const problems: string[] = [];
    const secret = 'short-secret';
    parseKeysVariable(`owner:${KEY},viewer:${secret},${KEY},,designer:${KEY}`, problems);
    expect(problems).toEqual([
      'API_KEYS entry 1: expected role:key with a role of viewer, designer or admin',
      `API_KEYS entry 2: the key must have at least ${MIN_KEY_LENGTH} characters`,
      'API_KEYS entry 3: expected role:key with a role of viewer, designer or admin',
      'API_KEYS entry 4 is empty',
    ]);
    expect(problems.join()).not.toContain(secret);
  });

  it('reads a keys file of role, sha256 and label, with comments and blank lines', () => {
    const problems: string[] = [];
    const hash = hashKey(KEY);
    const keys = parseKeysFile(`# keys\n\ndesigner sha256:${hash.toUpperCase()} ci pipeline\nadmin sha256:${hash}\n`, 'keys.txt', problems);
    expect(problems).toEqual([]);
    expect(keys).toEqual([
      { role: AccessRole.DESIGNER, label: 'ci pipeline', sha256: hash },
      { role: AccessRole.ADMIN, label: 'keys.txt:4 (admin)', sha256: hash },
    ]);
  });

  it('names the file and line of a bad entry', () => {
    const problems: string[] = [];
    parseKeysFile(`root sha256:${hashKey(KEY)}\nviewer ${KEY}\n`, 'keys.txt', problems);
    expect(problems).toEqual([
      'keys.txt:1: expected a role of viewer, designer or admin first, not "root"',
      'keys.txt:2: expected sha256:<64 hex digits> after the role',
    ]);
  });

  it('a new key is long and random, and its file line grants it the role', () => {
    const first = newApiKey(AccessRole.VIEWER, 'dashboards');
    expect(first.key.length).toBeGreaterThanOrEqual(MIN_KEY_LENGTH);
    expect(newApiKey(AccessRole.VIEWER, 'x').key).not.toBe(first.key);
    const problems: string[] = [];
    const [parsed] = parseKeysFile(first.fileLine, 'f', problems);
    expect(problems).toEqual([]);
    expect(new ApiKeyRing([parsed]).find(first.key)).toEqual({ role: AccessRole.VIEWER, label: 'dashboards', sha256: hashKey(first.key) });
  });

  it('takes the credential from Bearer, or from the password of Basic', () => {
    const credential = (header: string | undefined) => {
      const presented = credentialOf(header);
      return presented.kind === 'credential' ? presented.credential : presented.kind;
    };
    expect(credential(undefined)).toBe('none');
    expect(credential(`Bearer ${KEY}`)).toBe(KEY);
    expect(credential(`bearer   ${KEY}`)).toBe(KEY);
    expect(credential('Bearer')).toBe('malformed');
    expect(credential(`Bearer ${KEY} junk`)).toBe('malformed');
    expect(credential(`Bearer ${KEY}, Basic abc`)).toBe('malformed');
    expect(credential(`Basic ${Buffer.from(`anyone:${KEY}`).toString('base64')}`)).toBe(KEY);
    expect(credential(`Basic ${Buffer.from('anyone:').toString('base64')}`)).toBe('malformed');
    expect(credential(`Token ${KEY}`)).toBe('malformed');
  });

  it('the ring finds configured keys only, and is off without keys', () => {
    const ring = new ApiKeyRing(parseKeysVariable(`designer:${KEY}`, []));
    expect(ring.enabled).toBe(true);
    expect(ring.find(KEY)?.role).toBe(AccessRole.DESIGNER);
    expect(ring.find(`${KEY}x`)).toBeUndefined();
    expect(new ApiKeyRing([]).enabled).toBe(false);
  });
});
