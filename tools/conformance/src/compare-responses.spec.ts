import type { CapturedResponse } from './captured-response';
import { compareResponses } from './compare-responses';

const response = (status: number, body: string, extra: Array<[string, string]> = []): CapturedResponse => ({
  name: 'r',
  status,
  headers: [['content-type', 'application/json'], ['date', 'x'], ['server', 'y'], ['content-length', String(Buffer.byteLength(body))], ...extra],
  body,
});

describe('compareResponses', () => {
  describe('when the bodies differ only in uuids, host names and timestamps', () => {
    it('reports nothing', () => {
      const ref = response(200, '{"name": "node1.example.com", "uuid": "397cae6d-8ef4-4a88-9a59-45ce15253149", "ctime": 1796312352.92}\n');
      const ours = response(200, '{"name": "corral.local", "uuid": "00000000-1111-2222-3333-444444444444", "ctime": 1.5}\n');
      expect(compareResponses('GET /2/info', ref, ours)).toEqual([]);
    });
  });

  describe('when a key is missing and another is extra', () => {
    it('reports both with their JSON paths', () => {
      const diffs = compareResponses('GET /x', response(200, '{"a": {"b": 1}}\n'), response(200, '{"a": {"c": 1}}\n'));
      expect(diffs.map((d) => `${d.kind} ${d.where}`)).toEqual(['missing-key body$.a.b', 'extra-key body$.a.c']);
    });
  });

  describe('when the same keys come in another order', () => {
    it('reports the key order', () => {
      const diffs = compareResponses('GET /x', response(200, '{"a": 1, "b": 2}\n'), response(200, '{"b": 2, "a": 1}\n'));
      expect(diffs.map((d) => `${d.kind} ${d.where} ${d.reference} ${d.ours}`)).toEqual(['key-order body$ a,b b,a']);
    });
  });

  describe('when an array holds the same items in another order', () => {
    it('reports the order, not the values', () => {
      const diffs = compareResponses('GET /x', response(200, '["a", "b"]\n'), response(200, '["b", "a"]\n'));
      expect(diffs.map((d) => d.kind)).toEqual(['array-order']);
    });
  });

  describe('when the statuses differ', () => {
    it('reports the status only, with the start of each body', () => {
      const diffs = compareResponses('GET /x', response(404, '{"code": 404}\n'), response(200, '2\n'));
      expect(diffs).toEqual([{ request: 'r', target: 'GET /x', kind: 'status', where: 'status', reference: '404 {"code": 404}', ours: '200 2' }]);
    });
  });

  describe('when our body is compact JSON where Ganeti writes Python json.dumps', () => {
    it('reports the body format', () => {
      const diffs = compareResponses('GET /x', response(200, '{"a": [1, 2]}\n'), response(200, '{"a":[1,2]}'));
      expect(diffs.map((d) => d.kind)).toEqual(['body-format']);
    });
  });

  describe('when Content-Length does not match our body', () => {
    it('reports it', () => {
      const ours: CapturedResponse = { ...response(200, '2\n'), headers: [['content-type', 'application/json'], ['date', 'x'], ['server', 'y'], ['content-length', '5']] };
      expect(compareResponses('GET /version', response(200, '2\n'), ours).map((d) => d.kind)).toEqual(['content-length']);
    });
  });

  describe('when a write returns a job id', () => {
    it('compares it as a job id whatever its number', () => {
      expect(compareResponses('POST /2/instances', response(200, '5\n'), response(200, '1\n'))).toEqual([]);
    });

    it('does so for the instance info GET, which submits a job, but not for other GETs', () => {
      expect(compareResponses('GET /2/instances/inst1.example.com/info?static=1', response(200, '78\n'), response(200, '10\n'))).toEqual([]);
      expect(compareResponses('GET /version', response(200, '2\n'), response(200, '3\n')).map((d) => d.kind)).toEqual(['value']);
    });
  });

  describe('when one side refused the connection', () => {
    it('reports the connection outcome only', () => {
      const failed: CapturedResponse = { name: 'r', status: 0, headers: [], body: '', error: 'curl exit 56' };
      expect(compareResponses('GET /2/info', failed, response(400, 'x')).map((d) => `${d.kind} ${d.reference} ${d.ours}`)).toEqual([
        'connection curl exit 56 HTTP 400',
      ]);
    });
  });
});
