import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The user created on first start. */
export const DEFAULT_RAPI_USER = 'corral';

/**
 * Creates the users file with one `write` user and a generated password when
 * the file does not exist. The password is stored as an `{HA1}` hash only and
 * returned so it can be shown once; an existing file is never touched.
 */
export function ensureUsersFile(path: string): { user: string; password: string } | undefined {
  if (existsSync(path)) return undefined;
  const password = randomBytes(18).toString('base64url');
  const ha1 = createHash('md5').update(`${DEFAULT_RAPI_USER}:Ganeti Remote API:${password}`).digest('hex');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const text =
    '# Ganeti RAPI users file: <user> <password> [options]\n' +
    '# Passwords may be cleartext, {CLEARTEXT}text or {HA1}md5(user:Ganeti Remote API:password).\n' +
    `${DEFAULT_RAPI_USER} {HA1}${ha1} write\n`;
  writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  return { user: DEFAULT_RAPI_USER, password };
}
