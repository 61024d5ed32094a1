import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { authorize, rolesAllowed } from '../permissions';
import { AUDIT_PERMISSIONS } from './audit-permissions';

const unit: Actor = { id: 'u', name: '甲公司', role: 'unit', unitId: 'unit-a' };
const outcome = (run: () => void) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return String(error instanceof Error ? error.message : error);
  }
};

describe('AUDIT_PERMISSIONS', () => {
  it('lets auditors and the office replay, and nobody else', () => {
    expect(rolesAllowed(AUDIT_PERMISSIONS, 'replay')).toEqual(['office', 'auditor']);
    expect(outcome(() => authorize(AUDIT_PERMISSIONS, 'replay', unit, 'unit-a'))).toBe(
      'unit may not replay: replaying workflow histories is for auditors and the office (重放审计)',
    );
  });

  it('lets auditors and the office export a bundle, and nobody else', () => {
    expect(rolesAllowed(AUDIT_PERMISSIONS, 'export')).toEqual(['office', 'auditor']);
    expect(outcome(() => authorize(AUDIT_PERMISSIONS, 'export', { ...unit, role: 'inspector' }))).toBe(
      'inspector may not export: exporting an audit bundle is for auditors and the office (审计导出)',
    );
  });

  it('keeps a replay within the auditor’s territory', () => {
    const auditor: Actor = { id: 'a', name: '纪委', role: 'auditor', regionId: '330108' };
    const place = { unitId: 'unit-a', regionPath: ['33', '3301', '330106'], industryPath: null };
    expect(outcome(() => authorize(AUDIT_PERMISSIONS, 'replay', auditor, place))).toContain('330108');
  });
});
