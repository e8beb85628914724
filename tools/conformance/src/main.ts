#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { corralTarget, urlTarget, type CorralEnvironment } from './corral-target';
import { formatReport, runDifferential } from './differential';
import { KNOWN_DIFFERENCES, LIVE_HISTORY_DIFFERENCES } from './known-differences';
import { netnsTarget } from './netns-target';
import { BUNDLED_SAMPLES_DIR, loadRecordedSamples } from './recorded-samples';
import { loadRequestScript, REFERENCE_CREDENTIALS, type Credentials, type ScriptRequest } from './request-script';
import { removeTestInstances } from './remove-test-instances';
import { samplesTarget } from './samples-target';
import { sendScript } from './send-script';
import type { TargetServer } from './target-server';

const USAGE = `corral-conformance: compare Corral's RAPI with real Ganeti 3.0

  diff [options]        send one request script to Ganeti and to Corral, report the differences
    --against samples   compare with the recorded Ganeti responses (default; no live cluster needed)
    --against live      send the script to the live reference inside its network namespace (root);
                        afterwards the test instances left there (inst1..inst5.example.com) are removed
    --samples DIR       recorded samples (INDEX.tsv + curl -i files; default: the bundled copy)
    --script FILE       a JSON request script (default: the recorded samples' own requests)
    --only REGEX        keep requests whose name or "METHOD path" matches
    --exclude REGEX     drop requests whose name or "METHOD path" matches
    --environment ENV   the cluster our started server has: reference (default; initialised like the
                        reference, node1/node2.example.com, its first jobs) or embedded (Corral's default)
    --ours URL          a running Corral instead of starting one (credentials: --ours-user user:password)
    --netns NAME        reference namespace (default ganref); --reference-url (https://cluster.example.com:5080)
    --reference-dir DIR the reference's scripts (default /work/shared/reference/ganeti-3.0 or $GANREF_DIR)
    --json              print the report as JSON
    --unexpected-only   hide the known differences
  capture --url URL     (internal) read {requests, credentials} as JSON on stdin, print the responses as JSON

Exit status: 0 when every difference is a known one (src/known-differences.ts), 1 otherwise.`;

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

async function capture(url: string): Promise<number> {
  const input = JSON.parse(await readStdin()) as { requests: ScriptRequest[]; credentials: Credentials };
  process.stdout.write(JSON.stringify(await sendScript(url, input.requests, input.credentials)) + '\n');
  return 0;
}

function parseEnvironment(value: string | undefined): CorralEnvironment {
  if (value === undefined || value === 'reference' || value === 'embedded') return value ?? 'reference';
  throw new Error(`--environment must be reference or embedded, not ${value}`);
}

async function diff(values: Record<string, string | boolean | undefined>): Promise<number> {
  const samplesDir = (values['samples'] as string | undefined) ?? BUNDLED_SAMPLES_DIR;
  const against = (values['against'] as string | undefined) ?? 'samples';
  const samples = loadRecordedSamples(samplesDir);
  let requests: ScriptRequest[] = values['script'] ? loadRequestScript(values['script'] as string) : samples.map((s) => s.request);
  const matches = (re: RegExp, r: ScriptRequest): boolean => re.test(r.name) || re.test(`${r.method} ${r.path}`);
  if (values['only']) requests = requests.filter((r) => matches(new RegExp(values['only'] as string), r));
  if (values['exclude']) requests = requests.filter((r) => !matches(new RegExp(values['exclude'] as string), r));

  let reference: TargetServer;
  if (against === 'samples') reference = samplesTarget(samples);
  else if (against === 'live')
    reference = netnsTarget({
      netns: (values['netns'] as string | undefined) ?? 'ganref',
      url: (values['reference-url'] as string | undefined) ?? 'https://cluster.example.com:5080',
      credentials: REFERENCE_CREDENTIALS,
      referenceDir: (values['reference-dir'] as string | undefined) ?? process.env['GANREF_DIR'] ?? '/work/shared/reference/ganeti-3.0',
    });
  else throw new Error(`--against must be samples or live, not ${against}`);
  const oursUser = values['ours-user'] as string | undefined;
  const ours = values['ours']
    ? urlTarget('corral', values['ours'] as string, oursUser ? { write: oursUser, read: oursUser, badpass: `${oursUser.split(':')[0]}:wrong` } : REFERENCE_CREDENTIALS)
    : corralTarget(parseEnvironment(values['environment'] as string | undefined));
  try {
    const known = against === 'live' ? [...KNOWN_DIFFERENCES, ...LIVE_HISTORY_DIFFERENCES] : KNOWN_DIFFERENCES;
    const report = await runDifferential(requests, reference, ours, known);
    if (values['json']) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else process.stdout.write(formatReport(report, !values['unexpected-only']) + '\n');
    return report.unexpected.length === 0 ? 0 : 1;
  } finally {
    await ours.close();
    if (against === 'live') {
      const removed = await removeTestInstances(reference);
      if (removed.length > 0) process.stderr.write(`Removed from the live reference: ${removed.join(', ')}\n`);
    }
    await reference.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      against: { type: 'string' },
      samples: { type: 'string' },
      script: { type: 'string' },
      only: { type: 'string' },
      exclude: { type: 'string' },
      ours: { type: 'string' },
      'ours-user': { type: 'string' },
      environment: { type: 'string' },
      netns: { type: 'string' },
      'reference-url': { type: 'string' },
      'reference-dir': { type: 'string' },
      url: { type: 'string' },
      json: { type: 'boolean' },
      'unexpected-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return command || values.help ? 0 : 2;
  }
  if (command === 'capture') {
    if (!values.url) throw new Error('capture needs --url');
    return capture(values.url);
  }
  if (command === 'diff') return diff(values);
  process.stderr.write(`Unknown command ${command}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
