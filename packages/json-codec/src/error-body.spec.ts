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
});
