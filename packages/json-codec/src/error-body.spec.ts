import { encodeJson } from './encode-json';
import { errorBody } from './error-body';

describe('errorBody', () => {
  it('uses the reason phrase and explanation when no message is given', () => {
    expect(errorBody(404)).toEqual({ code: 404, message: 'Not Found', explain: 'Nothing matches the given URI' });
  });

  it('HTML-escapes a specific message as Ganeti 3.0 does', () => {
    expect(errorBody(400, `Body contents: Type is 'list', but "dict" <&>`).message).toBe(
      'Body contents: Type is &#x27;list&#x27;, but &quot;dict&quot; &lt;&amp;&gt;',
    );
  });

  it('keeps the three keys in Ganeti order', () => {
    expect(Object.keys(errorBody(415))).toEqual(['code', 'message', 'explain']);
  });

  it.each([
    [400, 'Bad Request', 'Bad request syntax or unsupported method'],
    [401, 'Unauthorized', 'No permission -- see authorization schemes'],
    [403, 'Forbidden', 'Request forbidden -- authorization will not help'],
    [404, 'Not Found', 'Nothing matches the given URI'],
    [415, 'Unsupported Media Type', 'Entity body in unsupported format'],
    [500, 'Internal Server Error', 'Server got itself in trouble'],
    [501, 'Not Implemented', 'Server does not support this operation'],
    [502, 'Bad Gateway', 'Invalid responses from another server/proxy'],
    [503, 'Service Unavailable', 'The server cannot process the request due to a high load'],
    [504, 'Gateway Timeout', 'The gateway server did not receive a timely response'],
    [505, 'HTTP Version Not Supported', 'Cannot fulfill request'],
  ])('gives %p the texts of ganeti-facts §1.9: %p / %p', (code, message, explain) => {
    expect(errorBody(code)).toEqual({ code, message, explain });
  });

  it('encodes like the bytes ganeti-rapi sends', () => {
    expect(encodeJson(errorBody(401))).toBe('{"code": 401, "message": "Unauthorized", "explain": "No permission -- see authorization schemes"}\n');
  });

  it('falls back to a generic reason for a status it does not know', () => {
    expect(errorBody(599)).toEqual({ code: 599, message: 'Error', explain: '' });
  });
});
