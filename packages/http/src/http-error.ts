/**
 * An error that already knows its HTTP status. Only code at the HTTP edge
 * throws it; domain errors are translated into it there.
 */
export class HttpError extends Error {
  readonly status: number;
  /** Specific message for the error body; absent means the reason phrase. */
  readonly detail: string | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, detail?: string, headers: Record<string, string> = {}) {
    super(detail ?? `HTTP ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }
}
