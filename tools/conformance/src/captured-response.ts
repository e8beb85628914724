/** One response as the differential tool compares it, from a live server or a recorded sample. */
export interface CapturedResponse {
  readonly name: string;
  /** 0 when the connection failed; `error` says how. */
  readonly status: number;
  /** Header names in lower case, in the order received. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: string;
  readonly error?: string;
}

/** The value of a header (first occurrence), or undefined. */
export function headerValue(response: CapturedResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key === name.toLowerCase())?.[1];
}
