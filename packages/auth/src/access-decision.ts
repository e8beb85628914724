import { checkPassword } from './check-password';
import { parseAuthorization } from './parse-authorization';
import type { UsersTable } from './users-table';

/** What the access decision is asked about one request. */
export interface AccessQuery {
  /** The `Authorization` header; undefined or empty when the client sent none. */
  readonly authorization: string | undefined;
  /** Options of which the user needs one; empty means anonymous access is fine. */
  readonly access: readonly string[];
}

/**
 * Allowed (with the authenticated user's name, or null when anonymous) or
 * refused with the status to answer. Shaped like `@corral/http`'s
 * `AuthOutcome`, so the decision plugs into the transport unchanged.
 */
export type AccessOutcome =
  | { readonly allowed: true; readonly user: string | null }
  | { readonly allowed: false; readonly status: 400 | 401 | 403; readonly message?: string };

/** Compared against when the user is unknown, so that timing does not tell which names exist. */
const DUMMY_PASSWORD = '{HA1}00000000000000000000000000000000';

/**
 * Decides one request as ganeti-rapi does (ganeti-facts §1.6): without an
 * `Authorization` header, only resources with an empty access list are
 * open; a header, when sent, is always checked, even for anonymous
 * resources; an unknown user or a wrong password is 401; a valid user is let
 * in when the access list is empty or shares an option with the user's
 * options, otherwise 403. `Basic` without a token is 400.
 * (`--require-authentication` is the transport's business: it refuses
 * requests without the header before routing.)
 */
export function decideAccess(users: UsersTable, query: AccessQuery): AccessOutcome {
  if (query.authorization === undefined || query.authorization === '') {
    return query.access.length === 0 ? { allowed: true, user: null } : { allowed: false, status: 401 };
  }
  const parsed = parseAuthorization(query.authorization);
  if (parsed.kind === 'basic-without-credentials') {
    return { allowed: false, status: 400, message: 'Basic authentication requires credentials' };
  }
  if (parsed.kind === 'invalid') return { allowed: false, status: 401 };
  const user = users.get(parsed.user);
  const passwordOk = checkPassword(parsed.user, user?.password ?? DUMMY_PASSWORD, parsed.password);
  if (!user || !passwordOk) return { allowed: false, status: 401 };
  if (query.access.length > 0 && !query.access.some((option) => user.options.has(option))) {
    return { allowed: false, status: 403 };
  }
  return { allowed: true, user: user.name };
}
