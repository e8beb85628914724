import { httpStatusTexts } from './http-status-texts';

/** Ganeti's error body: exactly these three keys, in this order. */
export interface ErrorBody {
  code: number;
  message: string;
  explain: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

/** HTML-escapes a message as Ganeti 3.0 does (Python's `html.escape`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * Builds the error body for a status: the specific message when given
 * (HTML-escaped), otherwise the reason phrase, and the standard explanation.
 */
export function errorBody(code: number, message?: string): ErrorBody {
  const [reason, explain] = httpStatusTexts[code] ?? ['Error', ''];
  return { code, message: message === undefined ? reason : escapeHtml(message), explain };
}
