import { loadRecordedSamples, parseCurlResponse } from './recorded-samples';

describe('parseCurlResponse', () => {
  describe('when given a raw curl -i response', () => {
    it('splits the status, the headers in order and the body', () => {
      const parsed = parseCurlResponse('x', 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n2\n');
      expect(parsed).toEqual({ name: 'x', status: 200, headers: [['content-type', 'application/json'], ['content-length', '2']], body: '2\n' });
    });
  });

  describe('when curl failed', () => {
    it('records the connection error', () => {
      expect(parseCurlResponse('x', 'curl rc=56\n')).toEqual({ name: 'x', status: 0, headers: [], body: '', error: 'curl exit 56' });
    });
  });
});

describe('loadRecordedSamples', () => {
  const samples = loadRecordedSamples();
  const byName = (name: string) => samples.find((s) => s.request.name === name)!;

  describe('when reading the bundled Ganeti 3.0.2 samples', () => {
    it('loads every row of INDEX.tsv', () => {
      expect(samples).toHaveLength(126);
    });

    it('restores the wrong password INDEX.tsv does not record', () => {
      expect(byName('82-err-badpass-get').request.auth).toBe('badpass');
    });

    it('restores the text/plain body of the wrong content type request', () => {
      expect(byName('97-err-wrong-content-type').request).toMatchObject({ body: 'hello', contentType: 'text/plain' });
    });

    it('marks the open-mode samples', () => {
      expect(samples.filter((s) => s.request.authMode === 'open').map((s) => s.request.name)).toEqual([
        '120-open-version',
        '121-open-info',
        '122-open-instances',
        '123-open-unauth-write',
        '124-open-badpass-get',
        '125-open-readonly-write',
        '126-open-unauth-post',
      ]);
    });

    it("reads a job sample's job as the one the request before submitted, and polls the final one until the job ends", () => {
      const flags = (name: string): unknown[] => {
        const r = byName(name).request;
        return [r.path, r.jobOfPrevious ?? false, r.waitForJob ?? false];
      };
      expect([flags('18-instances-create-diskless-job4-poll-first'), flags('19-instances-create-diskless-job4-final'), flags('69-job-wait')]).toEqual([
        ['/2/jobs/4', true, false],
        ['/2/jobs/4', true, true],
        ['/2/jobs/1/wait', false, false],
      ]);
    });

    it('sends the plain HTTP sample as http to the same path', () => {
      expect(byName('99-err-plain-http').request).toMatchObject({ path: '/2/info', scheme: 'http' });
    });
  });
});
