/** The question the transport asks about each request. */
export interface AuthQuery {
  /** The `Authorization` header, if any. */
  readonly authorization: string | undefined;
  /** Options of which the user needs one; empty means anonymous access is fine. */
  readonly access: readonly string[];
}

/** Allowed (with the user, or null when anonymous) or refused with a status. */
export type AuthOutcome =
  | { readonly allowed: true; readonly user: string | null }
  | { readonly allowed: false; readonly status: 400 | 401 | 403; readonly message?: string };

/**
 * The transport's seam for authentication and authorisation; the server
 * plugs the users-file authenticator in here.
 */
export type AuthHook = (query: AuthQuery) => AuthOutcome;

/** Lets every request through anonymously. */
export const allowAnonymous: AuthHook = () => ({ allowed: true, user: null });
