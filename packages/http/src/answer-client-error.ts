import type { Duplex } from 'node:stream';
import { encodeJsonBytes, errorBody } from '@corral/json-codec';

/** The request line as received, for the error message (at most 100 characters). */
function requestLine(raw: Buffer | undefined): string {
  if (!raw) return '';
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).slice(0, 100);
}

/** Status and message for a request Node's HTTP parser refused before it reached the app. */
function classify(error: Error & { code?: string; rawPacket?: Buffer }): [number, string | undefined] {
  const line = requestLine(error.rawPacket);
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, undefined];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, undefined];
    case 'HPE_INVALID_METHOD': {
      const method = line.split(' ')[0] ?? '';
      const hint = method !== method.toUpperCase() ? ' (method names are case-sensitive)' : '';
      return [400, `Invalid method '${method}'${hint}`];
    }
    case 'HPE_INVALID_VERSION': {
      const version = /HTTP\/(\d+)\.\d+\s*$/.exec(line);
      return version && Number(version[1]) >= 2 ? [505, undefined] : [400, `Bad request version (${JSON.stringify(line)})`];
    }
    default:
      return [400, `Bad request syntax (${JSON.stringify(line)})`];
  }
}

/**
 * Answers a request that Node's HTTP parser refused (bad request line,
 * header block too large, slow client) with a complete JSON error response
 * and closes the connection, instead of Node's bare status line. Used as the
 * server's `clientError` listener, for TLS and plain alike.
 */
export function answerClientError(serverHeader: string): (error: Error, socket: Duplex) => void {
  return (error, socket) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, message] = classify(error);
    const body = encodeJsonBytes(errorBody(status, message));
    const reason = errorBody(status).message;
    const head =
      `HTTP/1.1 ${status} ${reason}\r\n` +
      `Server: ${serverHeader}\r\n` +
      `Date: ${new Date().toUTCString()}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${body.length}\r\n` +
      'Connection: close\r\n\r\n';
    socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  };
}
