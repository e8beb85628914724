import { RapiError } from './rapi-error';

describe('RapiError.fromResponse', () => {
  it('reads Ganeti\'s error body and undoes its HTML escaping', () => {
    const e = RapiError.fromResponse(400, '{"code": 400, "message": "Body contents: Type is &#x27;list&#x27;, but &#x27;dict&#x27; is expected", "explain": "Bad request syntax or unsupported method"}\n');
    expect([e.code, e.message, e.explain]).toEqual([400, "Body contents: Type is 'list', but 'dict' is expected", 'Bad request syntax or unsupported method']);
  });

  it('keeps a non-JSON body as the message', () => {
    const e = RapiError.fromResponse(502, 'Bad gateway\n');
    expect([e.code, e.message, e.explain, e.body]).toEqual([502, 'Bad gateway', '', 'Bad gateway\n']);
  });
});
