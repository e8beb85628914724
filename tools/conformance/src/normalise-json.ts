const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Two or more DNS labels whose last label is alphabetic: `node1.example.com`, `corral.local`. */
const HOSTNAME = /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b/gi;
/** Keys whose values are points in time. */
const TIME_KEYS = new Set(['ctime', 'mtime', 'received_ts', 'start_ts', 'end_ts', 'timestamp']);
/** Keys whose values are identifiers that depend on history (job ids). */
const ID_KEYS = new Set(['id', 'job_id']);

/** An entry `[serial, [seconds, microseconds], type, message]` of a job log, its time replaced. */
const logEntry = (entry: unknown): unknown =>
  Array.isArray(entry) && entry.length === 4 ? [entry[0], '<timestamp>', entry[2], normaliseJson(entry[3])] : normaliseJson(entry);

/** An entry `[source, text, nanoseconds]` of an opcode's reason trail, its time replaced. */
const reasonEntry = (entry: unknown): unknown =>
  Array.isArray(entry) && entry.length === 3 && typeof entry[2] === 'number' ? [normaliseJson(entry[0]), normaliseJson(entry[1]), '<timestamp>'] : normaliseJson(entry);

/** Replaces uuids and host names inside a string by placeholders. */
export function normaliseString(text: string): string {
  return text.replace(UUID, '<uuid>').replace(HOSTNAME, '<hostname>');
}

/**
 * A JSON value with what legitimately differs between two clusters replaced
 * by placeholders: uuids, host names, timestamps (`ctime`, `mtime`, job
 * `*_ts`, the times in reason trails and job logs) and job ids. Object key order is kept.
 */
export function normaliseJson(value: unknown, key?: string): unknown {
  if (key !== undefined && TIME_KEYS.has(key) && value !== null) return '<timestamp>';
  if (key !== undefined && ID_KEYS.has(key) && (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))) return '<id>';
  if (key === 'reason' && Array.isArray(value)) return value.map(reasonEntry);
  if (key === 'log_entries' && Array.isArray(value)) return value.map(logEntry);
  if (key === 'oplog' && Array.isArray(value)) return value.map((entries: unknown) => (Array.isArray(entries) ? entries.map(logEntry) : normaliseJson(entries)));
  if (typeof value === 'string') return normaliseString(value);
  if (Array.isArray(value)) return value.map((item) => normaliseJson(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseJson(v, k)]));
  }
  return value;
}

/** JSON as Python's `json.dumps` writes it (`, ` and `: `, ASCII only), which Ganeti sends. */
export function pythonJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (Array.isArray(value)) return '[' + value.map(pythonJson).join(', ') + ']';
  return '{' + Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ') + '}';
}
