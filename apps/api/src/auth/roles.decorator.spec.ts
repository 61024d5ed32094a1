import { describe, expect, it } from 'vitest';
import { rolesAllowedTo } from './roles.decorator';

describe('rolesAllowedTo (roles derived from the domain\'s permission rules)', () => {
  it('matches who may do each hazard action', () => {
    expect(rolesAllowedTo('report')).toEqual(['office', 'inspector', 'unit']);
    expect(rolesAllowedTo('submit_plan')).toEqual(['unit']);
    expect(rolesAllowedTo('verify')).toEqual(['office', 'inspector']);
    expect(rolesAllowedTo('decide_extension')).toEqual(['office']);
    expect(rolesAllowedTo('start_monitoring')).toEqual(['office', 'unit']);
    expect(rolesAllowedTo('read')).toEqual(['office', 'inspector', 'unit', 'auditor']);
  });
});
