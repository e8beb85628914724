import { sendRequest, type TestRequest } from '@corral/testing';
import { MemoryLogger, startTestServer, type TestServer } from './testing/start-test-server';
import { testRowsModule } from './testing/test-rows-module';

const body = (code: number, message: string, explain: string): string => `{"code": ${code}, "message": "${message}", "explain": "${explain}"}\n`;
const NOT_FOUND = body(404, 'Not Found', 'Nothing matches the given URI');
const UNAUTHORIZED = body(401, 'Unauthorized', 'No permission -- see authorization schemes');
const UNSUPPORTED_MEDIA = body(415, 'Unsupported Media Type', 'Entity body in unsupported format');
const BAD_JSON = body(400, 'Unable to parse JSON data', 'Bad request syntax or unsupported method');
const REALM = 'Basic realm="Ganeti Remote API"';

/** One row of ganeti-facts §1.3–§1.10 (or a documented deliberate difference, see docs/compatibility.md). */
interface Row {
  readonly fact: string;
  readonly path: string;
  readonly request?: TestRequest & { readonly auth?: 'write' | 'bad' };
  readonly status: number;
  readonly body?: string;
  readonly headers?: Record<string, string | undefined>;
}

const ROWS: readonly Row[] = [
  // §1.3 order of processing
  { fact: '1.3.1 unknown path is 404', path: '/nope', status: 404, body: NOT_FOUND },
  { fact: '1.3.1 route uses the path before ?', path: '/version?x=/nope', status: 200, body: '2\n' },
  { fact: '1.3.2 missing method is 501 naming method, path and query', path: '/2/info?bulk=1', request: { method: 'DELETE', auth: 'write' }, status: 501, body: body(501, 'Method DELETE is unsupported for path /2/info?bulk=1', 'Server does not support this operation') },
  { fact: '1.3.2 OPTIONS is 501', path: '/2/info', request: { method: 'OPTIONS' }, status: 501, body: body(501, 'Method OPTIONS is unsupported for path /2/info', 'Server does not support this operation') },
  { fact: '1.3.2 PATCH is 501', path: '/2/info', request: { method: 'PATCH' }, status: 501, body: body(501, 'Method PATCH is unsupported for path /2/info', 'Server does not support this operation') },
  { fact: '1.3.2 POST /version is 501 (before the body is looked at)', path: '/version', request: { method: 'POST', body: 'junk', headers: { 'Content-Type': 'text/plain' } }, status: 501 },
  { fact: 'difference: HEAD is served by GET (Ganeti: 501)', path: '/2/info', request: { method: 'HEAD' }, status: 200, body: '', headers: { 'content-type': 'application/json' } },
  { fact: '1.3.2 before 1.3.3: a wrong password on a missing method is 501', path: '/2/info', request: { method: 'DELETE', auth: 'bad' }, status: 501 },
  { fact: '1.3.3 a wrong password is 401 even on an anonymous GET', path: '/2/info', request: { auth: 'bad' }, status: 401, body: UNAUTHORIZED, headers: { 'www-authenticate': REALM } },
  { fact: '1.3.3 a wrong password on an unknown path is 404', path: '/nope', request: { auth: 'bad' }, status: 404, body: NOT_FOUND, headers: { 'www-authenticate': undefined } },
  { fact: '1.3.3 before 1.3.4: auth is checked before the body', path: '/2/info', request: { auth: 'bad', body: 'junk', headers: { 'Content-Type': 'text/plain' } }, status: 401 },
  { fact: '1.3.4 a body on GET needs the JSON type', path: '/2/info', request: { body: '{}', headers: { 'Content-Type': 'text/plain' } }, status: 415, body: UNSUPPORTED_MEDIA },
  { fact: '1.3.4 no Content-Type counts as octet-stream', path: '/test/whoami', request: { method: 'POST', body: '{}' }, status: 415, body: UNSUPPORTED_MEDIA },
  { fact: '1.3.4 the type is case-insensitive', path: '/test/whoami', request: { method: 'POST', body: '"x"', headers: { 'Content-Type': 'Application/JSON' } }, status: 200, body: '{"user": null, "body": "x"}\n' },
  { fact: 'difference: charset=utf-8 is accepted (Ganeti: 415)', path: '/test/whoami', request: { method: 'POST', body: '[1]', headers: { 'Content-Type': 'application/json; charset=utf-8' } }, status: 200, body: '{"user": null, "body": [1]}\n' },
  { fact: '1.3.4 another parameter is 415', path: '/test/whoami', request: { method: 'POST', body: '[1]', headers: { 'Content-Type': 'application/json; charset=latin1' } }, status: 415 },
  { fact: '1.3.4 a whitespace-only body is invalid JSON', path: '/test/whoami', request: { method: 'POST', body: ' \n', headers: { 'Content-Type': 'application/json' } }, status: 400, body: BAD_JSON },
  { fact: '1.3.4 / T1 truncated JSON is 400', path: '/test/whoami', request: { method: 'POST', body: '{"__version__": 1, "name":', headers: { 'Content-Type': 'application/json' } }, status: 400, body: BAD_JSON },
  { fact: '1.3.4 / T1 invalid UTF-8 is 400', path: '/test/whoami', request: { method: 'POST', body: Buffer.from([0x22, 0xc3, 0x28, 0x22]), headers: { 'Content-Type': 'application/json' } }, status: 400, body: BAD_JSON },
  { fact: '1.3.4 invalid JSON on GET is 400 too', path: '/2/info', request: { body: '{', headers: { 'Content-Type': 'application/json' } }, status: 400, body: BAD_JSON },
  { fact: '1.3.4 an empty body is null', path: '/test/whoami', request: { method: 'POST' }, status: 200, body: '{"user": null, "body": null}\n' },
  { fact: '1.3.4 any top-level value is accepted', path: '/test/whoami', request: { method: 'POST', body: '"master-candidate"', headers: { 'Content-Type': 'application/json' } }, status: 200, body: '{"user": null, "body": "master-candidate"}\n' },
  // §1.4 routing
  { fact: '1.4 a trailing slash is 404 (/2/)', path: '/2/', status: 404, body: NOT_FOUND },
  { fact: '1.4 a trailing slash is 404 (/2/info/)', path: '/2/info/', status: 404, body: NOT_FOUND },
  { fact: '1.4 / T3 /2/instances/ is 404', path: '/2/instances/', status: 404, body: NOT_FOUND },
  { fact: '1.4 / T3 /2/version is 404', path: '/2/version', status: 404, body: NOT_FOUND },
  { fact: '1.4 the path is not percent-decoded', path: '/2/%69nfo', status: 404, body: NOT_FOUND },
  { fact: '1.4 a name segment takes [\\w._-] only', path: '/test/query/a:b', request: { auth: 'write' }, status: 404 },
  { fact: '1.4 the path is case-sensitive', path: '/2/INFO', status: 404 },
  { fact: '1.4 a double slash is 404', path: '//2/info', status: 404 },
  // §1.5 query parameters
  { fact: '1.5 flags are Python int(): 1 is true', path: '/test/flags?bulk=1&dry-run=0', status: 200, body: '{"bulk": true, "dry_run": false, "tags": []}\n' },
  { fact: '1.5 flags: 2, -1 and " 1" are true', path: '/test/flags?bulk=%201&dry-run=-1', status: 200, body: '{"bulk": true, "dry_run": true, "tags": []}\n' },
  { fact: '1.5 the first value of a flag is used', path: '/test/flags?bulk=0&bulk=1', status: 200, body: '{"bulk": false, "dry_run": false, "tags": []}\n' },
  { fact: '1.4 a blank value is absent', path: '/test/flags?bulk=&dry-run', status: 200, body: '{"bulk": false, "dry_run": false, "tags": []}\n' },
  { fact: '1.5 true is 400', path: '/test/flags?bulk=true', status: 400, body: body(400, 'Invalid value for the &#x27;bulk&#x27; parameter', 'Bad request syntax or unsupported method') },
  { fact: '1.5 yes is 400', path: '/test/flags?dry-run=yes', status: 400, body: body(400, 'Invalid value for the &#x27;dry-run&#x27; parameter', 'Bad request syntax or unsupported method') },
  { fact: '1.5 1.0 is 400', path: '/test/flags?bulk=1.0', status: 400 },
  { fact: '1.5 misspelled names are ignored', path: '/test/flags?dry_run=1', status: 200, body: '{"bulk": false, "dry_run": false, "tags": []}\n' },
  { fact: '1.5 repeated tags are kept in order, + and %XX decoded', path: '/test/flags?tag=a&tag=x+y&tag=p%40host&tag=x%20y', status: 200, body: '{"bulk": false, "dry_run": false, "tags": ["a", "x y", "p@host", "x y"]}\n' },
  { fact: '1.5 unknown keys are ignored', path: '/2/features?foo=bar', status: 200 },
  // §1.9 encoding
  { fact: '1.9 a top-level integer', path: '/version', status: 200, body: '2\n', headers: { 'content-type': 'application/json', 'content-length': '2' } },
  { fact: '1.9 / T5 non-ASCII is \\u-escaped and Content-Length is the byte length', path: '/test/unicode', status: 200, body: '{"tag": "gr\\u00f6\\u00dfe", "message": "\\u65e5\\u672c \\ud83d\\ude00"}\n' },
  { fact: '1.9 error messages are HTML-escaped', path: '/2/info?a=1&b=2', request: { method: 'PATCH' }, status: 501, body: body(501, 'Method PATCH is unsupported for path /2/info?a=1&amp;b=2', 'Server does not support this operation') },
  // §1.10 status mapping
  { fact: '1.10 401 without credentials where needed', path: '/test/write-get', status: 401, body: UNAUTHORIZED, headers: { 'www-authenticate': REALM } },
  { fact: '1.10 400 Basic without credentials', path: '/2/info', request: { headers: { Authorization: 'Basic' } }, status: 400, body: body(400, 'Basic authentication requires credentials', 'Bad request syntax or unsupported method') },
  { fact: '1.10 500 for any other exception, message = its text', path: '/test/boom', status: 500, body: body(500, 'handler exploded', 'Server got itself in trouble') },
];

describe('the RAPI transport (ganeti-facts §1.3–§1.10)', () => {
  let server: TestServer;
  const logger = new MemoryLogger();

  beforeAll(async () => {
    server = await startTestServer({}, logger, [testRowsModule]);
  });
  afterAll(() => server.stop());

  const send = (row: Row): Promise<Awaited<ReturnType<typeof sendRequest>>> => {
    const { auth, ...rest } = row.request ?? {};
    const creds = auth === 'write' ? server.writeAuth : auth === 'bad' ? `${server.writeAuth.split(':')[0]}:wrong` : undefined;
    return sendRequest(`${server.url}${row.path}`, { ...rest, auth: creds });
  };

  describe('when given each row', () => {
    it.each(ROWS.map((r) => [r.fact, r] as const))('%s', async (_fact, row) => {
      const res = await send(row);
      expect(res.status).toBe(row.status);
      if (row.body !== undefined) expect(res.text).toBe(row.body);
      for (const [name, value] of Object.entries(row.headers ?? {})) expect(res.headers[name]).toBe(value);
      if (row.status !== 401) expect(res.headers['www-authenticate']).toBeUndefined();
      expect(res.headers['server']).toBe('Corral/0.1.0 (Ganeti 3.0.2)');
      if (row.request?.method !== 'HEAD') {
        expect(res.headers['content-length']).toBe(String(res.raw.length));
        expect(res.headers['content-type']).toBe('application/json');
      }
    });
  });

  describe('when a handler throws unexpectedly', () => {
    it('logs exactly one line and keeps serving', async () => {
      const before = logger.lines.length;
      expect((await sendRequest(`${server.url}/test/boom`)).status).toBe(500);
      const added = logger.lines.slice(before).filter((l) => l.startsWith('ERROR'));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^ERROR Unexpected error on GET \/test\/boom: Error: handler exploded \(at .*\)$/);
      expect((await sendRequest(`${server.url}/version`)).text).toBe('2\n');
    });
  });

  describe('when HEAD is used', () => {
    it("gives GET's headers, Content-Length included, without a body", async () => {
      const get = await sendRequest(`${server.url}/2/info`);
      const head = await sendRequest(`${server.url}/2/info`, { method: 'HEAD' });
      expect(head.raw.length).toBe(0);
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
    });
  });
});

describe('the RAPI transport with --require-authentication (ganeti-facts §1.3 exception)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ requireAuthentication: true }, new MemoryLogger(), [testRowsModule]);
  });
  afterAll(() => server.stop());

  it.each([
    ['GET', '/2/info'],
    ['GET', '/version'],
    ['GET', '/nope'],
    ['PATCH', '/2/info'],
    ['HEAD', '/2/info'],
  ])('answers %s %s without credentials with 401 and the realm', async (method, path) => {
    const res = await sendRequest(`${server.url}${path}`, { method });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(REALM);
    if (method !== 'HEAD') expect(res.text).toBe(UNAUTHORIZED);
  });

  it('routes first once credentials are sent: a wrong password on an unknown path is 404', async () => {
    const res = await sendRequest(`${server.url}/nope`, { auth: 'corral:wrong' });
    expect(res.status).toBe(404);
  });

  it('serves a valid user, passing its name to the handler', async () => {
    const res = await sendRequest(`${server.url}/test/whoami`, { auth: server.writeAuth });
    expect(res.text).toBe('{"user": "corral"}\n');
  });
});

describe('the RAPI transport over plain HTTP and TLS (T4)', () => {
  it('answers successes and errors with the same bytes and headers', async () => {
    const tls = await startTestServer({}, new MemoryLogger(), [testRowsModule]);
    const plain = await startTestServer({ dataDir: tls.dataDir, ssl: false }, new MemoryLogger(), [testRowsModule]);
    try {
      const cases: [string, TestRequest][] = [
        ['/2/info', {}],
        ['/test/unicode', {}],
        ['/test/write-get', {}],
        ['/2/info', { method: 'PATCH' }],
        ['/test/whoami', { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } }],
        ['/test/flags?bulk=yes', {}],
        ['/test/whoami', { auth: tls.writeAuth }],
      ];
      for (const [path, req] of cases) {
        const a = await sendRequest(`${tls.url}${path}`, req);
        const b = await sendRequest(`${plain.url}${path}`, req);
        expect([path, b.status]).toEqual([path, a.status]);
        expect(b.raw.equals(a.raw)).toBe(true);
        const strip = (h: Record<string, unknown>): Record<string, unknown> => ({ ...h, date: undefined });
        expect(strip(b.headers)).toEqual(strip(a.headers));
      }
    } finally {
      await plain.close();
      await tls.stop();
    }
  });
});
