import { corralTarget } from './corral-target';
import { runDifferential, type DifferentialReport } from './differential';
import { KNOWN_DIFFERENCES } from './known-differences';
import { loadRecordedSamples } from './recorded-samples';
import { samplesTarget } from './samples-target';

/**
 * Issue 9's acceptance: real Ganeti 3.0.2's recorded answers
 * (samples/ganeti-3.0.2) against our real server, replaying ALL the sample
 * requests in order on one Corral cluster set up like the reference
 * (src/reference-environment.ts: init options, node1/node2.example.com,
 * its first jobs, its host names). Every difference must be a known one
 * (src/known-differences.ts, the rows of docs/compatibility.md). A sample
 * that cannot be made comparable is listed in KNOWN_GAPS with the reason and
 * runs as `it.failing` until it is fixed.
 */
const KNOWN_GAPS: Record<string, string> = {};

describe('differential comparison with recorded Ganeti 3.0.2 responses', () => {
  const samples = loadRecordedSamples();
  let report: DifferentialReport;

  beforeAll(async () => {
    const ours = corralTarget('reference');
    try {
      report = await runDifferential(
        samples.map((s) => s.request),
        samplesTarget(samples),
        ours,
        KNOWN_DIFFERENCES,
      );
    } finally {
      await ours.close();
    }
  }, 60_000);

  const unexpectedFor = (name: string): string[] =>
    report.unexpected.filter((d) => d.request === name).map((d) => `${d.kind} ${d.where}: reference ${d.reference} / ours ${d.ours}`);
  const titleOf = (name: string): string => {
    const sample = samples.find((s) => s.request.name === name)!;
    return `${name}: ${sample.request.method} ${sample.request.path} (${sample.request.auth}, ${sample.request.authMode} mode)`;
  };
  const compared = samples.map((s) => s.request.name).filter((name) => !(name in KNOWN_GAPS));

  describe('when the whole sample script is replayed on a cluster like the reference', () => {
    it('replays every recorded request', () => {
      expect([report.requests, samples.length]).toEqual([126, 126]);
    });

    it.each(compared.map((name) => [titleOf(name), name]))('%s differs only as documented', (_title, name) => {
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
