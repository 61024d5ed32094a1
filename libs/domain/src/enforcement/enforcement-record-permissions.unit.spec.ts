import { describe, expect, it } from 'vitest';
import { listBounds } from '../scope/list-bounds';
import { rolesAllowed } from '../permissions';
import type { Actor } from '../actor';
import { authorizeEnforcementRecordAction, ENFORCEMENT_RECORD_PERMISSIONS } from './enforcement-record-permissions';

const unit: Actor = { id: 'u-1', name: '甲企业', role: 'unit', unitId: 'unit-a' };
const inspector: Actor = { id: 'i-1', name: '检查员', role: 'inspector' };

describe('who may read and review the enforcement record (规则触发、黑名单)', () => {
  it('lets office, inspector, auditor and unit read, and the office alone run a review', () => {
    expect(rolesAllowed(ENFORCEMENT_RECORD_PERMISSIONS, 'read')).toEqual(['office', 'inspector', 'unit', 'auditor']);
    expect(rolesAllowed(ENFORCEMENT_RECORD_PERMISSIONS, 'run_review')).toEqual(['office']);
    expect(() => authorizeEnforcementRecordAction('run_review', inspector)).toThrow(expect.objectContaining({ code: 'permission.role_not_allowed' }));
  });

  it('bounds a unit to its own entries and refuses it another unit’s', () => {
    expect(listBounds(ENFORCEMENT_RECORD_PERMISSIONS, 'read', unit)).toEqual({ unitId: 'unit-a' });
    expect(() => listBounds(ENFORCEMENT_RECORD_PERMISSIONS, 'read', unit, 'unit-b')).toThrow(
      expect.objectContaining({ code: 'permission.own_unit_only' }),
    );
  });
});
