/**
 * An unexpected error as one log line: its name, message and the frame it
 * was thrown from. Keeps the server log one line per event.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).replace(/\s*\n\s*/g, ' ');
  const frame = (error.stack ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('at '));
  const text = `${error.name}: ${error.message}`.replace(/\s*\n\s*/g, ' ');
  return frame ? `${text} (${frame})` : text;
}
