import { describe, expect, it } from 'vitest';
import { isEnrolled, isInScope } from './roster-status';

describe('roster status: in scope and enrolled', () => {
  it('counts every unit not removed as in scope, and of those the ones whose workflow started as enrolled', () => {
    const statuses = ['pending', 'active', 'paused', 'closed', 'removed'];
    expect(statuses.filter((status) => isInScope({ status }))).toEqual(['pending', 'active', 'paused', 'closed']);
    expect(statuses.filter((status) => isEnrolled({ status }))).toEqual(['active', 'paused', 'closed']);
  });
});
