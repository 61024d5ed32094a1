import { describe, expect, it } from 'vitest';
import { isSignedOffOnTime } from './signed-off-on-time';

describe('isSignedOffOnTime (按期销号)', () => {
  const deadline = '2026-06-30T09:00:00.000Z';

  it('counts a sign-off at or before the deadline', () => {
    expect(isSignedOffOnTime({ status: 'signed_off', signedOffAt: '2026-06-30T09:00:00.000Z', deadline })).toBe(true);
    expect(isSignedOffOnTime({ status: 'signed_off', signedOffAt: '2026-06-01T00:00:00.000Z', deadline })).toBe(true);
  });

  it('does not count a late sign-off or a hazard still open', () => {
    expect(isSignedOffOnTime({ status: 'signed_off', signedOffAt: '2026-06-30T09:00:00.001Z', deadline })).toBe(false);
    expect(isSignedOffOnTime({ status: 'rectifying', signedOffAt: null, deadline })).toBe(false);
    expect(isSignedOffOnTime({ status: 'signed_off', signedOffAt: null, deadline })).toBe(false);
  });
});
