import { describe, expect, it } from 'vitest';
import { rolesAllowed } from '../permissions';
import { COVERT_INSPECTION_PERMISSIONS, type CovertInspectionAction } from './covert-inspection-permissions';
import { ENFORCEMENT_PERMISSIONS, type EnforcementAction } from './enforcement-permissions';
import { auditor, countyGov, fileRectification, mine, opened, sign, suspend } from './testing/enforcement-fixtures';

describe('who may do what to an enforcement case', () => {
  it('lets the auditor only read, and the office alone decide the 四个一律 measures and close', () => {
    const actions = Object.keys(ENFORCEMENT_PERMISSIONS.rules) as EnforcementAction[];
    expect(actions.filter((a) => rolesAllowed(ENFORCEMENT_PERMISSIONS, a).includes('auditor'))).toEqual(['read']);
    for (const action of ['impose_suspension', 'impose_fine', 'refer_to_judiciary', 'impose_closure', 'close_case'] as const)
      expect(rolesAllowed(ENFORCEMENT_PERMISSIONS, action)).toEqual(['office']);
    expect(actions.filter((a) => rolesAllowed(ENFORCEMENT_PERMISSIONS, a).includes('unit'))).toEqual([
      'read',
      'file_rectification',
      'sign_resumption',
    ]);
  });

  it('refuses another unit’s rectification and the auditor’s commands in the decider too', () => {
    const suspended = opened().when(suspend()).then([{}]);
    suspended.when({ ...fileRectification(), actor: countyGov }).thenThrows({ code: 'permission.own_unit_only' });
    suspended.when({ ...sign('town', auditor) }).thenThrows({ code: 'permission.role_not_allowed' });
    suspended.when(fileRectification()).thenState({ suspension: { rectifications: [{ by: mine }] } });
  });
});

describe('who may do what to a covert inspection', () => {
  it('keeps planning to the office, findings to inspectors, and gives the auditor reading only', () => {
    const actions = Object.keys(COVERT_INSPECTION_PERMISSIONS.rules) as CovertInspectionAction[];
    expect(rolesAllowed(COVERT_INSPECTION_PERMISSIONS, 'plan')).toEqual(['office']);
    expect(rolesAllowed(COVERT_INSPECTION_PERMISSIONS, 'record_finding')).toEqual(['inspector']);
    expect(actions.filter((a) => rolesAllowed(COVERT_INSPECTION_PERMISSIONS, a).includes('auditor'))).toEqual(['read']);
    expect(rolesAllowed(COVERT_INSPECTION_PERMISSIONS, 'read_plan')).toEqual(['office', 'inspector']);
  });
});
