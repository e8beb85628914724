import { createHash, timingSafeEqual } from 'node:crypto';
import { GANETI_REALM } from './realm';

/**
 * The `{HA1}` form of a password: lowercase hex MD5 of
 * `user:Ganeti Remote API:password` (RFC 2617's H(A1)).
 */
export function ha1Hash(user: string, password: string): string {
  return createHash('md5').update(`${user}:${GANETI_REALM}:${password}`, 'utf8').digest('hex');
}

/**
 * Compares two strings in time that depends on neither their content nor
 * their lengths (both sides are hashed to a fixed size first).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

/**
 * Checks a password given by `user` against the stored one, as ganeti-rapi
 * does: no `{` prefix means cleartext; `{CLEARTEXT}` (any case) compares
 * exactly; `{HA1}` (any case) compares the hex digest case-insensitively;
 * an unknown scheme or a malformed prefix (`{}x`, `{abc`) never matches.
 */
export function checkPassword(user: string, stored: string, given: string): boolean {
  let scheme = 'CLEARTEXT';
  let expected = stored;
  if (stored.startsWith('{')) {
    const end = stored.indexOf('}');
    if (end <= 1) return neverMatches(stored, given);
    scheme = stored.slice(1, end).toUpperCase();
    expected = stored.slice(end + 1);
  }
  if (scheme === 'CLEARTEXT') return constantTimeEqual(expected, given);
  if (scheme === 'HA1') return constantTimeEqual(expected.toLowerCase(), ha1Hash(user, given));
  return neverMatches(expected, given);
}

/** Spends the same time as a real comparison, then refuses. */
function neverMatches(stored: string, given: string): false {
  constantTimeEqual(stored, given);
  return false;
}
