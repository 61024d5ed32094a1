import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { CAMPAIGN_PERMISSIONS, CAMPAIGN_TEMPLATE_PERMISSIONS } from './campaign/campaign-permissions';
import { HAZARD_PERMISSIONS } from './hazard/hazard-permissions';
import { authorize, rolesAllowed } from './permissions';
import { DomainRejection } from './rejection';

const office: Actor = { id: 'o', name: '安委办', role: 'office' };
const auditor: Actor = { id: 'a', name: '纪委', role: 'auditor' };
const unitA: Actor = { id: 'u', name: '甲公司', role: 'unit', unitId: 'unit-a' };

/** The refusal's kind and message, or 'allowed'. */
function outcome(fn: () => void): string {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    if (!(error instanceof DomainRejection)) throw error;
    return `${error.kind}: ${error.message}`;
  }
}

describe('authorize (one permission table per aggregate)', () => {
  it('refuses a role the table does not list, in its words', () => {
    expect(outcome(() => authorize(HAZARD_PERMISSIONS, 'report', auditor))).toBe(
      'forbidden: auditor may not report: reporting a hazard is for the office, inspectors, or a unit self-reporting',
    );
    expect(outcome(() => authorize(CAMPAIGN_PERMISSIONS, 'submit_report', office))).toBe(
      'forbidden: office may not submit report: reports (一日一报/零报告) come from the responsible unit itself',
    );
  });

  it('checks only the role without a unit, and keeps a unit to its own objects with one', () => {
    expect(outcome(() => authorize(HAZARD_PERMISSIONS, 'submit_plan', unitA))).toBe('allowed');
    expect(outcome(() => authorize(HAZARD_PERMISSIONS, 'submit_plan', unitA, 'unit-a'))).toBe('allowed');
    expect(outcome(() => authorize(HAZARD_PERMISSIONS, 'submit_plan', unitA, 'unit-b'))).toBe(
      'forbidden: unit unit-a may act only on its own hazards; this hazard belongs to unit unit-b',
    );
    expect(outcome(() => authorize(CAMPAIGN_PERMISSIONS, 'record_inspection', unitA, 'unit-b'))).toBe(
      'forbidden: unit unit-a may act only on its own obligations; this is unit unit-b',
    );
  });

  it("lets anyone listed act on any unit's object where the rule is not own-unit-only", () => {
    expect(outcome(() => authorize(HAZARD_PERMISSIONS, 'verify', office, 'unit-b'))).toBe('allowed');
    expect(outcome(() => authorize(CAMPAIGN_TEMPLATE_PERMISSIONS, 'read', unitA, 'unit-b'))).toBe('allowed');
    expect(outcome(() => authorize(CAMPAIGN_TEMPLATE_PERMISSIONS, 'post', unitA))).toBe(
      'forbidden: unit may not post: campaign templates are posted by the safety committee office (安委办)',
    );
  });
});

describe('rolesAllowed', () => {
  it('lists who may do each action, in ROLES order', () => {
    expect(rolesAllowed(HAZARD_PERMISSIONS, 'report')).toEqual(['office', 'inspector', 'unit']);
    expect(rolesAllowed(HAZARD_PERMISSIONS, 'submit_plan')).toEqual(['unit']);
    expect(rolesAllowed(HAZARD_PERMISSIONS, 'verify')).toEqual(['office', 'inspector']);
    expect(rolesAllowed(HAZARD_PERMISSIONS, 'decide_extension')).toEqual(['office']);
    expect(rolesAllowed(HAZARD_PERMISSIONS, 'start_monitoring')).toEqual(['office', 'unit']);
    expect(rolesAllowed(HAZARD_PERMISSIONS, 'read')).toEqual(['office', 'inspector', 'unit', 'auditor']);
    expect(rolesAllowed(CAMPAIGN_PERMISSIONS, 'record_finding')).toEqual(['office', 'inspector', 'unit']);
    expect(rolesAllowed(CAMPAIGN_TEMPLATE_PERMISSIONS, 'post')).toEqual(['office']);
  });
});
