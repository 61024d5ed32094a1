import { describe, expect, it } from 'vitest';
import {
  accidentWorkflowId,
  accountabilityActionWorkflowId,
  campaignWorkflowId,
  covertInspectionWorkflowId,
  describeWorkflowId,
  enforcementCaseWorkflowId,
  hazardWorkflowId,
  parseWorkflowId,
  unitObligationsWorkflowId,
} from './workflow-ids';

describe('workflow ids', () => {
  const campaignId = '3f2a0c1e-1111-4222-8333-444455556666';

  it('reads back every id it builds', () => {
    expect(parseWorkflowId(hazardWorkflowId('abc'))).toEqual({ kind: 'hazard', hazardId: 'abc' });
    expect(parseWorkflowId(accidentWorkflowId('acc-1'))).toEqual({ kind: 'accident', accidentId: 'acc-1' });
    expect(parseWorkflowId(enforcementCaseWorkflowId('case-7'))).toEqual({ kind: 'enforcement_case', caseId: 'case-7' });
    expect(parseWorkflowId(covertInspectionWorkflowId('covert-7'))).toEqual({ kind: 'covert_inspection', inspectionId: 'covert-7' });
    expect(parseWorkflowId(accountabilityActionWorkflowId('rule-1:411721:2026:any'))).toEqual({
      kind: 'accountability_action',
      firingKey: 'rule-1:411721:2026:any',
    });
    expect(parseWorkflowId(campaignWorkflowId(campaignId))).toEqual({ kind: 'campaign', campaignId });
    expect(parseWorkflowId(unitObligationsWorkflowId(campaignId, 'unit-a'))).toEqual({ kind: 'unit', campaignId, unitId: 'unit-a' });
  });

  it('says what an id stands for, and falls back for ids Duban does not mint', () => {
    expect(describeWorkflowId(unitObligationsWorkflowId(campaignId, 'unit-a'))).toBe(`unit unit-a in campaign ${campaignId}`);
    expect(describeWorkflowId(accidentWorkflowId('acc-1'))).toBe('accident acc-1');
    expect(enforcementCaseWorkflowId('case-7')).toBe('enforcement-case-case-7');
    expect(describeWorkflowId(enforcementCaseWorkflowId('case-7'))).toBe('enforcement case case-7');
    expect(describeWorkflowId(covertInspectionWorkflowId('covert-7'))).toBe('covert inspection covert-7');
    expect(describeWorkflowId('enforcement-case-')).toBe('workflow enforcement-case-');
    expect(describeWorkflowId('hazard-')).toBe('workflow hazard-');
    expect(describeWorkflowId('accident-')).toBe('workflow accident-');
    expect(describeWorkflowId(accountabilityActionWorkflowId('k'))).toBe('accountability action k');
    expect(describeWorkflowId('accountability-action-')).toBe('workflow accountability-action-');
    expect(describeWorkflowId('bare-123')).toBe('workflow bare-123');
  });
});
