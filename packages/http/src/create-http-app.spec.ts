import { connect } from 'node:net';
import { decideAccess, parseUsersFile } from '@corral/auth';
import { createHttpApp, type HttpAppOptions } from './create-http-app';
import { HttpError } from './http-error';
import type { Route } from './route';
import { startHttpServer, type RunningHttpServer } from './start-http-server';

/** A parsed raw HTTP/1.1 response. */
interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
  text: string;
}

function parseResponse(text: string): Raw {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4), text };
}

/** Writes raw bytes on a fresh connection and reads until the server closes it. */
function exchange(port: number, raw: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks).toString('utf8'))));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

function request(port: number, method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Raw> {
  const head = Object.entries({ Host: 'localhost', Connection: 'close', ...headers, ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return exchange(port, `${method} ${path} HTTP/1.1\r\n${head}\r\n${body}`);
}

const basic = (creds: string): string => `Basic ${Buffer.from(creds).toString('base64')}`;
const users = parseUsersFile('writer w write\nreader r read\nnobody n\n').users;

const routes: Route[] = [
  { path: '/plain', methods: { GET: { access: [], handler: () => ({ text: 'größe', n: 1 }) } } },
  {
    path: /^\/items\/(?<name>[\w._-]+)$/u,
    methods: {
      GET: { access: [], handler: (r) => ({ name: r.params.name, user: r.user }) },
      PUT: { access: ['write'], handler: (r) => ({ name: r.params.name, body: r.body, user: r.user }) },
    },
  },
  { path: '/write-only', methods: { GET: { access: ['write'], handler: (r) => r.user } } },
  { path: '/read-or-write', methods: { GET: { access: ['read', 'write'], handler: (r) => r.user }, PUT: { access: ['read', 'write'], handler: (r) => r.body } } },
  {
    path: '/echo',
    methods: {
      POST: {
        access: [],
        handler: (r) => ({ body: r.body, tags: r.query.getAll('tag'), bulk: r.query.flag('bulk'), keys: r.query.keys() }),
      },
    },
  },
  { path: '/boom', methods: { GET: { access: [], handler: () => { throw new TypeError('cannot read x of undefined'); } } } },
  { path: '/teapot', methods: { GET: { access: [], handler: () => { throw new HttpError(400, 'Bad <thing>'); } } } },
  { path: '/scalar', methods: { GET: { access: [], handler: () => 'master-candidate' } } },
];

async function serve(options: Partial<HttpAppOptions> = {}, listen: { bodyLimit?: number; headersTimeoutMs?: number } = {}): Promise<{ server: RunningHttpServer; reported: string[] }> {
  const reported: string[] = [];
  const app = createHttpApp({
    routes,
    auth: (q) => decideAccess(users, q),
    serverHeader: 'Test/1',
    bodyLimit: listen.bodyLimit,
    onUnexpectedError: (_e, method, url, line) => reported.push(`${method} ${url}: ${line}`),
    ...options,
  });
  const server = await startHttpServer(app.callback(), {
    host: '127.0.0.1',
    port: 0,
    serverHeader: 'Test/1',
    headersTimeoutMs: listen.headersTimeoutMs,
    requestTimeoutMs: listen.headersTimeoutMs ? listen.headersTimeoutMs * 2 : undefined,
    timeoutCheckIntervalMs: listen.headersTimeoutMs ? 50 : undefined,
  });
  return { server, reported };
}

describe('createHttpApp', () => {
  let server: RunningHttpServer;
  let reported: string[];
  let port: number;

  beforeAll(async () => {
    ({ server, reported } = await serve({}, { bodyLimit: 1024 }));
    port = server.port;
  });
  afterAll(() => server.close());

  describe('when a route answers', () => {
    it('sends 200 with the encoded JSON, its byte length and the Server header', async () => {
      const res = await request(port, 'GET', '/plain');
      expect(res.status).toBe(200);
      expect(res.body).toBe('{"text": "gr\\u00f6\\u00dfe", "n": 1}\n');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body)));
      expect(res.headers['server']).toBe('Test/1');
    });

    it('sends a top-level string as is', async () => {
      expect((await request(port, 'GET', '/scalar')).body).toBe('"master-candidate"\n');
    });

    it('passes named groups of a pattern route, not percent-decoded', async () => {
      expect((await request(port, 'GET', '/items/a.b-c_d')).body).toBe('{"name": "a.b-c_d", "user": null}\n');
      expect((await request(port, 'GET', '/items/a%2Eb')).status).toBe(404);
    });
  });

  describe('when the path is unknown', () => {
    it.each(['/nope', '/plain/', '//plain', '/items/', '/items/a/b', '/items/a:b', '/PLAIN'])('answers %s with the 404 body', async (path) => {
      const res = await request(port, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toBe('{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n');
    });

    it('routes before checking credentials: a wrong password on an unknown path is 404', async () => {
      expect((await request(port, 'GET', '/nope', { Authorization: basic('writer:bad') })).status).toBe(404);
    });
  });

  describe('when the method is not implemented', () => {
    it.each(['DELETE', 'OPTIONS', 'PATCH', 'POST'])('answers %s with 501 naming the method, path and query', async (method) => {
      const res = await request(port, method, '/plain?x=1');
      expect(res.status).toBe(501);
      expect(res.body).toBe(
        `{"code": 501, "message": "Method ${method} is unsupported for path /plain?x=1", "explain": "Server does not support this operation"}\n`,
      );
    });

    it('checks the method before credentials', async () => {
      expect((await request(port, 'DELETE', '/plain', { Authorization: basic('writer:bad') })).status).toBe(501);
    });

    it('answers HEAD with 501 where there is no GET', async () => {
      const res = await request(port, 'HEAD', '/echo');
      expect(res.status).toBe(501);
      expect(res.body).toBe('');
    });
  });

  describe('when the method is HEAD', () => {
    it("sends GET's status and headers without a body", async () => {
      const get = await request(port, 'GET', '/plain');
      const head = await request(port, 'HEAD', '/plain');
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
      expect(head.headers['content-type']).toBe('application/json');
    });

    it("applies GET's access list", async () => {
      expect((await request(port, 'HEAD', '/write-only')).status).toBe(401);
    });
  });

  describe('when checking access', () => {
    it.each([
      ['/write-only', undefined, 401, null],
      ['/write-only', 'writer:w', 200, '"writer"\n'],
      ['/write-only', 'reader:r', 403, '{"code": 403, "message": "Forbidden", "explain": "Request forbidden -- authorization will not help"}\n'],
      ['/read-or-write', undefined, 401, null],
      ['/read-or-write', 'reader:r', 200, '"reader"\n'],
      ['/read-or-write', 'writer:w', 200, '"writer"\n'],
      ['/read-or-write', 'nobody:n', 403, null],
      ['/plain', 'nobody:n', 200, null],
      ['/plain', 'writer:bad', 401, null],
    ])('GET %s as %p gives %p', async (path, creds, status, body) => {
      const res = await request(port, 'GET', path, creds ? { Authorization: basic(creds) } : {});
      expect(res.status).toBe(status);
      if (body !== null) expect(res.body).toBe(body);
      expect(res.headers['www-authenticate']).toBe(status === 401 ? 'Basic realm="Ganeti Remote API"' : undefined);
    });

    it('answers Basic without credentials with 400', async () => {
      const res = await request(port, 'GET', '/plain', { Authorization: 'Basic' });
      expect(res.status).toBe(400);
      expect(res.body).toBe('{"code": 400, "message": "Basic authentication requires credentials", "explain": "Bad request syntax or unsupported method"}\n');
    });

    it('passes the user name to the handler', async () => {
      const res = await request(port, 'PUT', '/items/x', { Authorization: basic('writer:w'), 'Content-Type': 'application/json' }, '[1]');
      expect(res.body).toBe('{"name": "x", "body": [1], "user": "writer"}\n');
    });

    it('checks credentials before the body', async () => {
      const res = await request(port, 'PUT', '/items/x', { 'Content-Type': 'text/plain' }, 'junk');
      expect(res.status).toBe(401);
    });
  });

  describe('when a body is sent', () => {
    const post = (headers: Record<string, string>, body: string): Promise<Raw> => request(port, 'POST', '/echo', headers, body);

    it.each(['application/json', 'APPLICATION/JSON', 'application/json; charset=utf-8', 'application/json;charset=UTF-8'])(
      'accepts Content-Type %p',
      async (type) => {
        const res = await post({ 'Content-Type': type }, '{"a": 1}');
        expect(res.status).toBe(200);
        expect(res.body).toBe('{"body": {"a": 1}, "tags": [], "bulk": false, "keys": []}\n');
      },
    );

    it.each([[{ 'Content-Type': 'text/plain' }], [{ 'Content-Type': 'application/json; charset=latin1' }], [{}]])('answers 415 for %p', async (headers) => {
      const res = await post(headers, '{}');
      expect(res.status).toBe(415);
      expect(res.body).toBe('{"code": 415, "message": "Unsupported Media Type", "explain": "Entity body in unsupported format"}\n');
    });

    it('checks the type of a whitespace-only body too', async () => {
      expect((await post({}, '  ')).status).toBe(415);
      expect((await post({ 'Content-Type': 'application/json' }, '  ')).status).toBe(400);
    });

    it.each([['truncated', '{"__version__": 1, "name":'], ['a bare word', 'master']])('answers %s JSON with 400', async (_l, body) => {
      const res = await post({ 'Content-Type': 'application/json' }, body);
      expect(res.status).toBe(400);
      expect(res.body).toBe('{"code": 400, "message": "Unable to parse JSON data", "explain": "Bad request syntax or unsupported method"}\n');
    });

    it('answers invalid UTF-8 with 400', async () => {
      const head = 'POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n';
      const res = await exchange(port, Buffer.concat([Buffer.from(head), Buffer.from([0x22, 0xff, 0xfe, 0x22])]));
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).message).toBe('Unable to parse JSON data');
    });

    it('decodes an empty body as null, without needing a Content-Type', async () => {
      expect((await post({}, '')).body).toBe('{"body": null, "tags": [], "bulk": false, "keys": []}\n');
    });

    it('answers a body over the limit with 413 and closes the connection', async () => {
      const res = await post({ 'Content-Type': 'application/json' }, JSON.stringify('x'.repeat(2000)));
      expect(res.status).toBe(413);
      expect(res.headers['connection']).toBe('close');
      expect(JSON.parse(res.body)).toEqual({ code: 413, message: 'Request body larger than 1024 bytes', explain: 'Entity is too large' });
    });
  });

  describe('when parsing the query', () => {
    it('keeps repeated keys, drops blank values, decodes + and %XX, ignores unknown keys', async () => {
      const res = await request(port, 'POST', '/echo?tag=a&tag=x+y&tag=p%40host&bulk=&dry_run=1&tag=');
      expect(res.body).toBe('{"body": null, "tags": ["a", "x y", "p@host"], "bulk": false, "keys": ["tag", "dry_run"]}\n');
    });

    it('reads flags as integers', async () => {
      expect(JSON.parse((await request(port, 'POST', '/echo?bulk=1')).body).bulk).toBe(true);
      expect(JSON.parse((await request(port, 'POST', '/echo?bulk=0')).body).bulk).toBe(false);
    });

    it("answers a non-integer flag with 400 naming it", async () => {
      const res = await request(port, 'POST', '/echo?bulk=true');
      expect(res.status).toBe(400);
      expect(res.body).toBe('{"code": 400, "message": "Invalid value for the &#x27;bulk&#x27; parameter", "explain": "Bad request syntax or unsupported method"}\n');
    });
  });

  describe('when a handler throws', () => {
    it('turns an HttpError into its status with the message HTML-escaped', async () => {
      const res = await request(port, 'GET', '/teapot');
      expect(res.body).toBe('{"code": 400, "message": "Bad &lt;thing&gt;", "explain": "Bad request syntax or unsupported method"}\n');
    });

    it('answers an unexpected exception with 500, reports one line and keeps serving', async () => {
      reported.length = 0;
      const res = await request(port, 'GET', '/boom');
      expect(res.status).toBe(500);
      expect(res.body).toBe('{"code": 500, "message": "cannot read x of undefined", "explain": "Server got itself in trouble"}\n');
      expect(reported).toHaveLength(1);
      expect(reported[0]).toMatch(/^GET \/boom: TypeError: cannot read x of undefined \(at .*\)$/);
      expect(reported[0]).not.toContain('\n');
      expect((await request(port, 'GET', '/plain')).status).toBe(200);
    });
  });

  describe('when the request itself is malformed', () => {
    it('answers an HTTP/1.1 request without Host with 400 Missing Host header', async () => {
      const res = await exchange(port, 'GET /plain HTTP/1.1\r\nConnection: close\r\n\r\n');
      expect(res.status).toBe(400);
      expect(res.body).toBe('{"code": 400, "message": "Missing Host header", "explain": "Bad request syntax or unsupported method"}\n');
    });

    it('serves HTTP/1.0 without Host', async () => {
      expect((await exchange(port, 'GET /plain HTTP/1.0\r\n\r\n')).status).toBe(200);
    });

    it.each(['HTTP/2.0', 'HTTP/3.0'])('answers %s with 505', async (version) => {
      const res = await exchange(port, `GET /plain ${version}\r\nHost: x\r\n\r\n`);
      expect(res.status).toBe(505);
      expect(JSON.parse(res.body)).toEqual({ code: 505, message: 'HTTP Version Not Supported', explain: 'Cannot fulfill request' });
    });

    it('answers a lowercase method with a JSON 400 saying method names are case-sensitive', async () => {
      const res = await exchange(port, 'get /plain HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res.body).message).toBe('Invalid method &#x27;get&#x27; (method names are case-sensitive)');
    });

    it('answers garbage with a JSON 400', async () => {
      const res = await exchange(port, 'HELLO\r\n\r\n');
      expect(res.status).toBe(400);
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body)));
    });

    it('accepts an 8 KiB request line together with a 4 KiB header block', async () => {
      const res = await exchange(port, `GET /items/${'a'.repeat(8000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: ${'b'.repeat(4000)}\r\n\r\n`);
      expect(res.status).toBe(200);
    });

    it('answers a header block over 16 KiB with a JSON 431', async () => {
      const res = await exchange(port, `GET /plain HTTP/1.1\r\nHost: x\r\nX-Pad: ${'b'.repeat(20000)}\r\n\r\n`);
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body).code).toBe(431);
    });
  });

  describe('when the client keeps the connection open', () => {
    it('answers several requests on one connection', async () => {
      const text = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('GET /scalar HTTP/1.1\r\nHost: x\r\n\r\nGET /plain HTTP/1.1\r\nHost: x\r\n\r\nGET /scalar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
        });
        let data = '';
        socket.on('data', (c) => (data += c.toString('utf8')));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(3);
      expect(text).toContain('Connection: keep-alive');
    });
  });
});

describe('createHttpApp with requireAuthentication', () => {
  let server: RunningHttpServer;
  beforeAll(async () => {
    ({ server } = await serve({ requireAuthentication: true }));
  });
  afterAll(() => server.close());

  it.each([
    ['GET', '/plain'],
    ['GET', '/nope'],
    ['PATCH', '/plain'],
  ])('answers %s %s without credentials with 401, before routing', async (method, path) => {
    const res = await request(server.port, method, path);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="Ganeti Remote API"');
  });

  it('lets a valid user through to anonymous resources', async () => {
    expect((await request(server.port, 'GET', '/items/a', { Authorization: basic('nobody:n') })).body).toBe('{"name": "a", "user": "nobody"}\n');
  });

  it('routes first once credentials are sent', async () => {
    expect((await request(server.port, 'GET', '/nope', { Authorization: basic('writer:bad') })).status).toBe(404);
  });
});

describe('startHttpServer with a slow client', () => {
  it('answers 408 and closes when the headers do not arrive in time', async () => {
    const { server } = await serve({}, { headersTimeoutMs: 200 });
    try {
      const res = await exchange(server.port, 'GET /plain HTTP/1.1\r\nHost: x\r\n');
      expect(res.status).toBe(408);
      expect(JSON.parse(res.body)).toEqual({ code: 408, message: 'Request Timeout', explain: 'Request timed out; try again later' });
    } finally {
      await server.close();
    }
  });
});
