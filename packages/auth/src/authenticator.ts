import type { AccessOutcome, AccessQuery } from './access-decision';

/**
 * The server's authentication service: decides requests against the users
 * file and follows that file's changes while started. The composition root
 * plugs `authorise` into the transport's auth hook.
 */
export interface Authenticator {
  authorise(query: AccessQuery): AccessOutcome;
  /** Loads the users file and starts watching it. */
  start(): void;
  /** Stops watching. */
  stop(): void;
}

export const Authenticator: unique symbol = Symbol.for('@corral/auth/Authenticator');
