/**
 * A value already encoded by {@link encodeJsonBytes} (or assembled from such
 * encodings): `encodeJsonBytes` passes its bytes through unchanged, so a
 * handler can serve a cached encoding without encoding it again.
 */
export class EncodedJson {
  constructor(readonly bytes: Buffer) {}

  /**
   * A JSON list of already encoded items (each without the trailing
   * newline), written as Python writes lists: `[a, b]` plus the newline.
   */
  static list(items: readonly Buffer[]): EncodedJson {
    const parts: Buffer[] = [OPEN];
    items.forEach((item, i) => {
      if (i > 0) parts.push(SEPARATOR);
      parts.push(item);
    });
    parts.push(CLOSE);
    return new EncodedJson(Buffer.concat(parts));
  }
}

const OPEN = Buffer.from('[');
const SEPARATOR = Buffer.from(', ');
const CLOSE = Buffer.from(']\n');
