export { encodeJson, encodeJsonBytes } from './encode-json';
export { decodeJson, JsonDecodeError } from './decode-json';
export { errorBody, escapeHtml, type ErrorBody } from './error-body';
export { httpStatusTexts } from './http-status-texts';
export { EncodedJson } from './encoded-json';
