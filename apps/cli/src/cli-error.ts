/** Exit codes of `corral`, documented in the CLI's help. */
export const ExitCode = {
  ok: 0,
  /** The job failed or was canceled, or the server refused the request. */
  failed: 1,
  /** Bad command line. */
  usage: 2,
  /** The server could not be reached (connection, TLS, timeout). */
  unreachable: 3,
} as const;

/** A mistake on the command line; printed with the usage hint, exit code 2. */
export class UsageError extends Error {}
