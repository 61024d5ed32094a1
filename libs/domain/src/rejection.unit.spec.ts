import { describe, expect, it } from 'vitest';
import { conflict, DomainRejection, forbidden, invalid } from './rejection';
import { REJECTION_CODES } from './rejection-codes';

describe('DomainRejection codes', () => {
  it('takes its kind from its code, so the HTTP status and the code cannot disagree', () => {
    expect(new DomainRejection('hazard.closed', 'closed')).toMatchObject({ kind: 'conflict', code: 'hazard.closed' });
    expect(invalid('hazard.deadline.not_in_future', 'deadline', 'deadline must be in the future')).toMatchObject({
      kind: 'invalid',
      code: 'hazard.deadline.not_in_future',
      field: 'deadline',
      message: 'deadline must be in the future',
    });
    expect(forbidden('permission.own_unit_only', 'no')).toMatchObject({ kind: 'forbidden', field: undefined });
    expect(conflict('campaign.closed', 'closed').kind).toBe('conflict');
  });

  it('catalogues every code with words for a zh-CN interface, in lower-case dotted form', () => {
    for (const [code, entry] of Object.entries(REJECTION_CODES)) {
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
