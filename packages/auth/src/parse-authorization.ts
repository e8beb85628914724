/** What an `Authorization` header says, as far as the RAPI cares. */
export type ParsedAuthorization =
  | { readonly kind: 'basic'; readonly user: string; readonly password: string }
  /** `Basic` with no token: Ganeti answers 400. */
  | { readonly kind: 'basic-without-credentials' }
  /** Another scheme, bad base64, non-ASCII text or no colon: Ganeti answers 401. */
  | { readonly kind: 'invalid' };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Parses an `Authorization` header as ganeti-rapi does: the scheme word is
 * case-insensitive; only `Basic` is supported; the token must be valid
 * base64 of ASCII text; the text is split at the first `:`, so a password
 * may itself contain colons.
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  const parts = header.trim().split(/\s+/);
  if (parts[0] === '' || parts[0].toLowerCase() !== 'basic') return { kind: 'invalid' };
  const token = parts[1];
  if (token === undefined) return { kind: 'basic-without-credentials' };
  if (!BASE64.test(token)) return { kind: 'invalid' };
  const bytes = Buffer.from(token, 'base64');
  if (bytes.some((b) => b > 0x7f)) return { kind: 'invalid' };
  const text = bytes.toString('ascii');
  const colon = text.indexOf(':');
  if (colon < 0) return { kind: 'invalid' };
  return { kind: 'basic', user: text.slice(0, colon), password: text.slice(colon + 1) };
}
