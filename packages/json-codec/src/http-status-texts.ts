/**
 * The reason phrases and long explanations Ganeti sends in error bodies
 * (those of Python's BaseHTTPRequestHandler), keyed by status code.
 */
export const httpStatusTexts: Readonly<Record<number, readonly [message: string, explain: string]>> = {
  400: ['Bad Request', 'Bad request syntax or unsupported method'],
  401: ['Unauthorized', 'No permission -- see authorization schemes'],
  403: ['Forbidden', 'Request forbidden -- authorization will not help'],
  404: ['Not Found', 'Nothing matches the given URI'],
  405: ['Method Not Allowed', 'Specified method is invalid for this resource'],
  408: ['Request Timeout', 'Request timed out; try again later'],
  411: ['Length Required', 'Client must specify Content-Length'],
  413: ['Request Entity Too Large', 'Entity is too large'],
  414: ['Request-URI Too Long', 'URI is too long'],
  415: ['Unsupported Media Type', 'Entity body in unsupported format'],
  431: ['Request Header Fields Too Large', 'The server refused this request because the request header fields are too large'],
  500: ['Internal Server Error', 'Server got itself in trouble'],
  501: ['Not Implemented', 'Server does not support this operation'],
  502: ['Bad Gateway', 'Invalid responses from another server/proxy'],
  503: ['Service Unavailable', 'The server cannot process the request due to a high load'],
  504: ['Gateway Timeout', 'The gateway server did not receive a timely response'],
  505: ['HTTP Version Not Supported', 'Cannot fulfill request'],
};
