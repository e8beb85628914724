import { normaliseJson, normaliseString, pythonJson } from './normalise-json';

describe('normaliseString', () => {
  describe('when a string holds host names and uuids', () => {
    it('replaces each by its placeholder, inside longer text too', () => {
      expect(normaliseString("Instance 'inst1.example.com' (397cae6d-8ef4-4a88-9a59-45ce15253149) on corral.local")).toBe(
        "Instance '<hostname>' (<uuid>) on <hostname>",
      );
    });
  });

  describe('when a string only looks dotted', () => {
    it('keeps versions, paths and plain words', () => {
      expect(['3.0.2', '/srv/ganeti/file-storage', 'gzip-fast', '(ganeti) version 3.0.2-3', '198.18.0.10'].map(normaliseString)).toEqual([
        '3.0.2',
        '/srv/ganeti/file-storage',
        'gzip-fast',
        '(ganeti) version 3.0.2-3',
        '198.18.0.10',
      ]);
    });
  });
});

describe('normaliseJson', () => {
  describe('when an object has timestamps and job ids', () => {
    it('replaces their values but keeps nulls and key order', () => {
      expect(normaliseJson({ id: 17, ctime: 1796312352.92, end_ts: null, received_ts: [1, 2], name: 'x' })).toEqual({
        id: '<id>',
        ctime: '<timestamp>',
        end_ts: null,
        received_ts: '<timestamp>',
        name: 'x',
      });
    });
  });
});

describe('normaliseJson of job details', () => {
  describe('when a job has a reason trail and log entries', () => {
    it('replaces the times of reason entries and log entries only', () => {
      expect(
        normaliseJson({
          reason: [['gnt:opcode:instance_create', 'job=4;index=0', 1796312370867748000]],
          oplog: [[[1, [1796312371, 5], 'message', '* creating instance disks...']]],
          log_entries: [[2, [1796312371, 6], 'message', 'done']],
        }),
      ).toEqual({
        reason: [['gnt:opcode:instance_create', 'job=4;index=0', '<timestamp>']],
        oplog: [[[1, '<timestamp>', 'message', '* creating instance disks...']]],
        log_entries: [[2, '<timestamp>', 'message', 'done']],
      });
    });
  });
});

describe('pythonJson', () => {
  describe('when encoding nested values', () => {
    it("writes Python json.dumps' separators and escapes non-ASCII", () => {
      expect(pythonJson({ a: [1, 'é'], b: null })).toBe('{"a": [1, "\\u00e9"], "b": null}');
    });
  });
});
