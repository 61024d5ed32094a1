import { describe, expect, it } from 'vitest';
import { canonicalJson, idempotencyScopeName, idempotentRequestName, requestFingerprintText, requestLabel } from './request-fingerprint';

describe('canonicalJson', () => {
  it('writes object keys in order at every depth, keeps array order, and leaves out undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([undefined, null, 'a'])).toBe('[null,null,"a"]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('报警器')).toBe('"报警器"');
  });

  it('reads the same for bodies that mean the same, and differently for any other value', () => {
    const sent = JSON.parse('{ "title": "报警器失效", "grade": "general", "attachments": ["a", "b"] }');
    const resent = JSON.parse('{"attachments":["a","b"],"grade":"general","title":"报警器失效"}');
    expect(canonicalJson(sent)).toBe(canonicalJson(resent));
    expect(canonicalJson({ ...sent, attachments: ['b', 'a'] })).not.toBe(canonicalJson(sent));
    expect(canonicalJson({ ...sent, grade: 'major' })).not.toBe(canonicalJson(sent));
  });
});

describe('requestFingerprintText', () => {
  const request = { method: 'post', path: '/hazards/h-1/progress', query: {}, body: { text: '已更换1台', percentComplete: 50 } };

  it('covers the method, the path, the query and the body', () => {
    const text = requestFingerprintText(request);
    expect(text).toBe(requestFingerprintText({ ...request, method: 'POST', body: { percentComplete: 50, text: '已更换1台' } }));
    expect(requestFingerprintText({ ...request, path: '/hazards/h-2/progress' })).not.toBe(text);
    expect(requestFingerprintText({ ...request, method: 'DELETE' })).not.toBe(text);
    expect(requestFingerprintText({ ...request, query: { reason: 'x' } })).not.toBe(text);
    expect(requestFingerprintText({ ...request, body: { ...request.body, percentComplete: 60 } })).not.toBe(text);
  });

  it('reads a missing body and query as empty', () => {
    expect(requestFingerprintText({ method: 'POST', path: '/x', query: undefined, body: undefined })).toBe(
      '{"body":null,"method":"POST","path":"/x","query":{}}',
    );
  });

  it('labels the request by method and path', () => {
    expect(requestLabel(request)).toBe('POST /hazards/h-1/progress');
  });
});

describe('the names ids are derived from', () => {
  it('keep the caller, the key and the fingerprint apart, so no two of them can run into each other', () => {
    expect(idempotencyScopeName('wang', 'k1')).not.toBe(idempotencyScopeName('zhao', 'k1'));
    expect(idempotencyScopeName('a","b', 'c')).not.toBe(idempotencyScopeName('a', 'b","c'));
    expect(idempotentRequestName('wang', 'k1', 'f1')).not.toBe(idempotentRequestName('wang', 'k1', 'f2'));
    expect(idempotentRequestName('wang', 'k1', 'f1')).not.toBe(idempotencyScopeName('wang', 'k1'));
  });
});
