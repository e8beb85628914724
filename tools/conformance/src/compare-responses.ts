import { headerValue, type CapturedResponse } from './captured-response';
import type { Difference, DifferenceKind } from './difference';
import { normaliseJson, normaliseString, pythonJson } from './normalise-json';

/** Headers compared by value; the others that matter are checked for presence. */
const VALUE_HEADERS = ['content-type', 'www-authenticate', 'connection'];
const PRESENT_HEADERS = ['date', 'server', 'content-length'];

const show = (value: unknown): string => (value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value));

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedCopy(items: readonly unknown[]): string[] {
  return items.map((item) => JSON.stringify(item)).sort();
}

function compareJson(reference: unknown, ours: unknown, path: string, add: (kind: DifferenceKind, where: string, r: unknown, o: unknown) => void): void {
  const rt = typeOf(reference);
  const ot = typeOf(ours);
  if (rt !== ot) return add('type', path, `${rt} ${show(reference)}`, `${ot} ${show(ours)}`);
  if (rt === 'array') {
    const r = reference as unknown[];
    const o = ours as unknown[];
    if (r.length === o.length && !sameJson(r, o) && sameJson(sortedCopy(r), sortedCopy(o))) return add('array-order', path, r, o);
    if (r.length !== o.length) add('array-length', path, r.length, o.length);
    for (let i = 0; i < Math.min(r.length, o.length); i++) compareJson(r[i], o[i], `${path}[${i}]`, add);
    return;
  }
  if (rt === 'object') {
    const r = reference as Record<string, unknown>;
    const o = ours as Record<string, unknown>;
    const rKeys = Object.keys(r);
    const oKeys = Object.keys(o);
    for (const key of rKeys) if (!(key in o)) add('missing-key', `${path}.${key}`, r[key], undefined);
    for (const key of oKeys) if (!(key in r)) add('extra-key', `${path}.${key}`, undefined, o[key]);
    const common = rKeys.filter((key) => key in o);
    const oursOrder = oKeys.filter((key) => key in r);
    if (!sameJson(common, oursOrder)) add('key-order', path, common.join(','), oursOrder.join(','));
    for (const key of common) compareJson(r[key], o[key], `${path}.${key}`, add);
    return;
  }
  if (reference !== ours) add('value', path, reference, ours);
}

/**
 * Lists every difference between the reference's response and ours:
 * connection outcome, status, the headers that matter (Content-Type,
 * WWW-Authenticate, Connection by value; Date, Server, Content-Length by
 * presence, and Content-Length against the body), the body's JSON format
 * (Python's separators, trailing newline) and its shape and values after
 * normalising uuids, host names, timestamps and job ids.
 */
export function compareResponses(target: string, reference: CapturedResponse, ours: CapturedResponse, method = target.split(' ')[0]): Difference[] {
  const out: Difference[] = [];
  const add = (kind: DifferenceKind, where: string, r: unknown, o: unknown): void => {
    out.push({ request: reference.name, target, kind, where, reference: show(r), ours: show(o) });
  };
  if (reference.status === 0 || ours.status === 0) {
    if ((reference.status === 0) !== (ours.status === 0))
      add('connection', 'connection', reference.error ?? `HTTP ${reference.status}`, ours.error ?? `HTTP ${ours.status}`);
    return out;
  }
  if (reference.status !== ours.status) {
    // The bodies then describe different outcomes; comparing them adds only noise.
    add('status', 'status', `${reference.status} ${reference.body.slice(0, 120).trim()}`, `${ours.status} ${ours.body.slice(0, 120).trim()}`);
    return out;
  }
  for (const name of VALUE_HEADERS) {
    const r = headerValue(reference, name);
    const o = headerValue(ours, name);
    if (r !== o) add('header', `header:${name}`, r, o);
  }
  for (const name of PRESENT_HEADERS) {
    const r = headerValue(reference, name) !== undefined;
    const o = headerValue(ours, name) !== undefined;
    if (r !== o) add('header', `header:${name}`, r ? 'present' : undefined, o ? 'present' : undefined);
  }
  const length = headerValue(ours, 'content-length');
  if (method !== 'HEAD' && length !== undefined && Number(length) !== Buffer.byteLength(ours.body))
    add('content-length', 'header:content-length', 'the body length', `${length} for a ${Buffer.byteLength(ours.body)}-byte body`);
  if (method === 'HEAD') {
    if ((reference.body === '') !== (ours.body === '')) add('body-format', 'body', reference.body, ours.body);
    return out;
  }

  const r = parseJson(reference.body);
  const o = parseJson(ours.body);
  if (!r.ok || !o.ok) {
    if (r.ok !== o.ok || normaliseString(reference.body) !== normaliseString(ours.body)) add('body-format', 'body', reference.body, ours.body);
    return out;
  }
  const rPython = reference.body === pythonJson(r.value) + '\n';
  const oPython = ours.body === pythonJson(o.value) + '\n';
  if (rPython && !oPython) add('body-format', 'body', "Python json.dumps format + '\\n'", ours.body.slice(0, 200));
  // Submissions answer a bare job id; so does `GET /2/instances/[name]/info`, which submits a job.
  const submits = method !== 'GET' || /^GET \/2\/instances\/[^/]+\/info(\?|$)/.test(target);
  const isJobId = (value: unknown): boolean => typeof value === 'number' && submits;
  const rValue = isJobId(r.value) ? '<job-id>' : normaliseJson(r.value);
  const oValue = isJobId(o.value) ? '<job-id>' : normaliseJson(o.value);
  compareJson(rValue, oValue, 'body$', add);
  return out;
}
