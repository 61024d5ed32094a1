import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { IDEMPOTENCY_KEY_MAX_LENGTH, parseIdempotencyKey } from './idempotency-key';

function refusal(value: string | string[]): DomainRejection {
  try {
    parseIdempotencyKey(value);
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
}

describe('parseIdempotencyKey', () => {
  it('is undefined without the header: the request is not keyed', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('reads the draft’s Structured Field String and the bare form as the same key', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('clkyoesmbgybucifusbbtdsbohtyuuwz')).toBe('clkyoesmbgybucifusbbtdsbohtyuuwz');
    expect(parseIdempotencyKey('a+b/c=_~.:')).toBe('a+b/c=_~.:');
  });

  it(`accepts up to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters and no more`, () => {
    expect(parseIdempotencyKey('k'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH))).toHaveLength(IDEMPOTENCY_KEY_MAX_LENGTH);
    expect(refusal('k'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH + 1)).field).toBe('Idempotency-Key');
  });

  it('refuses, naming the header, an empty key, other characters, unbalanced quotes and a repeated header', () => {
    for (const bad of ['', '""', 'has space', '隐患', 'semi;colon', '"open', 'close"', 'a\\b', 'one, two']) {
      const rejection = refusal(bad);
      expect(rejection.kind, bad).toBe('invalid');
      expect(rejection.field, bad).toBe('Idempotency-Key');
      expect(rejection.message).toContain('Idempotency-Key must be one key of 1 to 128 characters');
    }
    expect(refusal(['one', 'two']).field).toBe('Idempotency-Key');
  });
});
