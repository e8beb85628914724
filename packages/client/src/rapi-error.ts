/**
 * An error answer from the server, carrying Ganeti's error body fields, so
 * callers can branch on `code` (404, 401, ...) exactly as with Ganeti's
 * Python client's `GanetiApiError`.
 */
export class RapiError extends Error {
  readonly code: number;
  readonly explain: string;
  /** The raw response body, for answers that were not a Ganeti error body. */
  readonly body: string;

  constructor(code: number, message: string, explain: string, body: string) {
    super(message);
    this.name = 'RapiError';
    this.code = code;
    this.explain = explain;
    this.body = body;
  }

  /** Builds the error from a non-200 response, reading Ganeti's `{code, message, explain}` when present. */
  static fromResponse(status: number, body: string): RapiError {
    try {
      const parsed = JSON.parse(body) as { code?: unknown; message?: unknown; explain?: unknown };
      if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
        return new RapiError(
          typeof parsed.code === 'number' ? parsed.code : status,
          unescapeHtml(parsed.message),
          typeof parsed.explain === 'string' ? parsed.explain : '',
          body,
        );
      }
    } catch {
      // not JSON: fall through
    }
    return new RapiError(status, body.trim() || `HTTP ${status}`, '', body);
  }
}

/** A request that could not complete: connection refused, TLS failure, timeout. */
export class RapiConnectionError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'RapiConnectionError';
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (m) => ENTITIES[m] ?? m);
}
