/** Raised when a request body is not valid UTF-8 JSON; the edge answers 400. */
export class JsonDecodeError extends Error {
  constructor() {
    super('Unable to parse JSON data');
    this.name = 'JsonDecodeError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a request body as the RAPI does: an empty body is `null`; any JSON
 * value is accepted at the top level; invalid UTF-8, invalid JSON and a body
 * of only whitespace raise {@link JsonDecodeError}.
 */
export function decodeJson(body: Uint8Array): unknown {
  if (body.length === 0) return null;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new JsonDecodeError();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new JsonDecodeError();
  }
}
