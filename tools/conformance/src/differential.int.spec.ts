import { corralTarget } from './corral-target';
import { runDifferential, type DifferentialReport } from './differential';
import { KNOWN_DIFFERENCES } from './known-differences';
import { loadRecordedSamples } from './recorded-samples';
import { samplesTarget } from './samples-target';

/**
 * Real Ganeti 3.0.2's recorded answers (samples/ganeti-3.0.2) against our
 * real server, for the sample requests whose resources exist on our side.
 * Add a sample's name to COMPARED when its resource lands; a request whose
 * difference is a known gap in Corral is listed in KNOWN_GAPS instead and
 * runs as `it.failing` until it is fixed (then move it to COMPARED).
 */
const COMPARED = [
  '01-root',
  '02-version',
  '03-version-authed',
  '04-2',
  '05-info',
  '06-features',
  '08-nodes',
  '09-nodes-bulk',
  '14-groups',
  '15-groups-bulk',
  '71-err-instance-notfound',
  '72-err-node-notfound',
  '74-err-job-badid',
  '75-err-unknown-path',
  '76-err-unknown-path-toplevel',
  '77-err-method-delete-info',
  '78-err-method-post-version',
  '80-err-unauth-get',
  '81-err-unauth-write',
  '82-err-badpass-get',
  '99-err-plain-http',
  '100-err-method-head',
  '101-err-method-options',
  '104-err-trailing-slash',
  '105-err-double-slash',
  '113-err-query-get-body-no-fields',
  '114-query-node-fields',
  '120-open-version',
  '121-open-info',
  '124-open-badpass-get',
  '16-instances-empty',
  '79-err-method-put-instances',
  '87-err-json-not-object',
  '88-err-create-missing-fields',
  '89-err-create-bad-version',
  '103-err-create-version0',
  '126-open-unauth-post',
  '90-err-bad-bulk',
  '107-shutdown-unknown-instance',
  '98-err-method-put-info-job',
  '123-open-unauth-write',
  '125-open-readonly-write',
];

/** Sample name -> the gap in Corral that makes it differ today (none at the moment). */
const KNOWN_GAPS: Record<string, string> = {};

describe('differential comparison with recorded Ganeti 3.0.2 responses', () => {
  const samples = loadRecordedSamples();
  const names = [...COMPARED, ...Object.keys(KNOWN_GAPS)];
  let report: DifferentialReport;

  beforeAll(async () => {
    const requests = samples.map((s) => s.request).filter((r) => names.includes(r.name));
    const ours = corralTarget();
    try {
      report = await runDifferential(requests, samplesTarget(samples), ours, KNOWN_DIFFERENCES);
    } finally {
      await ours.close();
    }
  });

  const unexpectedFor = (name: string): string[] =>
    report.unexpected.filter((d) => d.request === name).map((d) => `${d.kind} ${d.where}: reference ${d.reference} / ours ${d.ours}`);
  const titleOf = (name: string): string => {
    const sample = samples.find((s) => s.request.name === name);
    if (!sample) throw new Error(`No sample named ${name}`);
    return `${name}: ${sample.request.method} ${sample.request.path} (${sample.request.auth}, ${sample.request.authMode} mode)`;
  };

  describe('when the resource exists on our side', () => {
    it.each(COMPARED.map((name) => [titleOf(name), name]))('%s differs only as documented', (_title, name) => {
      expect(unexpectedFor(name)).toEqual([]);
    });
  });

  const gaps = Object.entries(KNOWN_GAPS);
  if (gaps.length > 0) {
    describe('when Corral has a known gap', () => {
      it.failing.each(gaps.map(([name, gap]) => [titleOf(name), gap, name]))('%s still differs: %s', (_title, _gap, name) => {
        expect(unexpectedFor(name)).toEqual([]);
      });
    });
  }
});
