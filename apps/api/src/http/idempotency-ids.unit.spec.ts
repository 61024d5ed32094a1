import { describe, expect, it } from 'vitest';
import { idempotentRequestOf, uuidV5 } from './idempotency-ids';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives RFC 9562 version-5 UUIDs (the well-known www.example.com example)', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('隐患')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('idempotentRequestOf', () => {
  const progress = { method: 'POST', path: '/hazards/h-1/progress', query: {}, body: { text: '已更换1台', percentComplete: 50 } };

  it('derives the same ids for the same request under the same key, whatever the body’s key order', () => {
    const first = idempotentRequestOf('wang', 'k-1', progress);
    expect(idempotentRequestOf('wang', 'k-1', { ...progress, body: { percentComplete: 50, text: '已更换1台' } })).toEqual(first);
    expect(first).toMatchObject({ key: 'k-1', label: 'POST /hazards/h-1/progress' });
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scopes a key to its caller: the same key from another caller is another scope and other ids', () => {
    const wang = idempotentRequestOf('wang', 'k-1', progress);
    const zhao = idempotentRequestOf('zhao', 'k-1', progress);
    expect(zhao.scope).not.toBe(wang.scope);
    expect(zhao.requestId).not.toBe(wang.requestId);
    expect(zhao.fingerprint).toBe(wang.fingerprint);
  });

  it('keeps the key’s scope for another request under it, with another fingerprint and other ids', () => {
    const first = idempotentRequestOf('wang', 'k-1', progress);
    const other = idempotentRequestOf('wang', 'k-1', { ...progress, body: { text: '已更换2台' } });
    expect(other.scope).toBe(first.scope);
    expect(other.fingerprint).not.toBe(first.fingerprint);
    expect(other.requestId).not.toBe(first.requestId);
  });
});
