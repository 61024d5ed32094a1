import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../actor';
import type { NewHazardEvent } from '../hazard/hazard-events';
import { STANDARD_HAZARD_POLICY } from '../hazard/hazard-policy';
import type { HazardGrade } from '../hazard/hazard-grade';
import { STANDARD_ENFORCEMENT_POLICY } from './enforcement-policy';
import { hazardCaseTrigger, hazardCaseTriggerDueAt } from './hazard-case-trigger';
import { filing, office } from './testing/enforcement-fixtures';
import { openEnforcementCase } from './open-enforcement-case';

const inspector = { id: 'i1', name: '检查组', role: 'inspector' as const };
const DEADLINE = '2026-04-01T02:00:00.000Z';
const at = (iso: string) => new Date(iso);
const triggers = STANDARD_ENFORCEMENT_POLICY.hazardTriggers;

function reported(grade: HazardGrade): NewHazardEvent {
  const report = {
    title: '主通风机无备用',
    description: '主通风机未配备同等能力备用风机',
    location: '主井',
    industry: '煤矿',
    unitId: 'coal-mine-7',
    grade,
    source: 'inspection' as const,
    finder: '张队长',
    deadline: DEADLINE,
  };
  return {
    type: 'reported',
    data: { hazardId: 'hz-41', report, policy: STANDARD_HAZARD_POLICY },
    at: '2026-03-01T02:00:00.000Z',
    actor: inspector,
    reason: '登记',
  };
}
const overdue: NewHazardEvent = { type: 'overdue', data: { deadline: DEADLINE }, at: DEADLINE, actor: SYSTEM_ACTOR, reason: '逾期' };
const rejected = (when: string): NewHazardEvent => ({
  type: 'verification_rejected',
  data: { reasons: '备用风机未安装到位' },
  at: when,
  actor: inspector,
  reason: '验收不通过',
});
const signedOff = (when: string): NewHazardEvent => ({ type: 'signed_off', data: { comment: '销号' }, at: when, actor: inspector, reason: '销号' });

describe('逾期不整改或整改不合格 → 处罚: a hazard opens a case by its policy (002 篇五)', () => {
  it('opens a case from an overdue major hazard when it falls overdue, and that case can be filed', () => {
    const opening = hazardCaseTrigger([reported('major'), overdue], triggers, at(DEADLINE));
    expect(opening).toMatchObject({
      origin: 'hazard_overdue',
      sourceRef: 'hz-41',
      unitId: 'coal-mine-7',
      dueAt: DEADLINE,
      violation: { serious: true },
    });
    const f = filing({ origin: opening!.origin, sourceRef: opening!.sourceRef, violation: opening!.violation });
    expect(openEnforcementCase(f, SYSTEM_ACTOR, STANDARD_ENFORCEMENT_POLICY, at(DEADLINE))[0]).toMatchObject({ type: 'opened', actor: SYSTEM_ACTOR });
    expect(openEnforcementCase(f, office, STANDARD_ENFORCEMENT_POLICY, at(DEADLINE))[0].reason).toContain('逾期');
  });

  it('does not open one for an overdue general hazard under the standard policy, nor before the grace a stricter policy allows', () => {
    expect(hazardCaseTrigger([reported('general'), overdue], triggers, at('2026-05-01T00:00:00Z'))).toBeUndefined();
    const graced = { ...triggers, overdue: { grades: ['major' as const], after: { amount: 3, unit: 'days' as const } } };
    expect(hazardCaseTrigger([reported('major'), overdue], graced, at('2026-04-03T02:00:00Z'))).toBeUndefined();
    expect(hazardCaseTriggerDueAt([reported('major'), overdue], graced, at(DEADLINE))).toEqual(at('2026-04-04T02:00:00.000Z'));
    expect(hazardCaseTriggerDueAt([reported('major'), overdue, signedOff('2026-04-02T00:00:00Z')], graced, at(DEADLINE))).toBeUndefined();
  });

  it('counts an overdue only while no approved extension follows it: falling overdue on the extended deadline counts anew', () => {
    const graced = { ...triggers, overdue: { grades: ['major' as const], after: { amount: 3, unit: 'days' as const } } };
    const NEW_DEADLINE = '2026-04-20T02:00:00.000Z';
    const extended: NewHazardEvent = {
      type: 'extension_approved',
      data: { previousDeadline: DEADLINE, newDeadline: NEW_DEADLINE },
      at: '2026-04-02T02:00:00.000Z',
      actor: office,
      reason: '批准延期: 设备到货',
    };
    const lapsed = [reported('major'), overdue, extended];
    expect(hazardCaseTrigger(lapsed, graced, at('2026-04-10T00:00:00Z'))).toBeUndefined();
    expect(hazardCaseTriggerDueAt(lapsed, graced, at('2026-04-03T00:00:00Z'))).toBeUndefined();
    const again: NewHazardEvent = { type: 'overdue', data: { deadline: NEW_DEADLINE }, at: NEW_DEADLINE, actor: SYSTEM_ACTOR, reason: '逾期' };
    expect(hazardCaseTriggerDueAt([...lapsed, again], graced, at(NEW_DEADLINE))).toEqual(at('2026-04-23T02:00:00.000Z'));
    expect(hazardCaseTrigger([...lapsed, again], graced, at('2026-04-23T02:00:00Z'))).toMatchObject({
      origin: 'hazard_overdue',
      violation: { description: expect.stringContaining(`整改期限 ${NEW_DEADLINE}`) },
    });
  });

  it('opens one at the second failed acceptance, not the first', () => {
    const once = [reported('general'), rejected('2026-03-10T02:00:00.000Z')];
    expect(hazardCaseTrigger(once, triggers, at('2026-03-20T00:00:00Z'))).toBeUndefined();
    expect(hazardCaseTrigger([...once, rejected('2026-03-15T02:00:00.000Z')], triggers, at('2026-03-20T00:00:00Z'))).toMatchObject({
      origin: 'hazard_failed_acceptance',
      dueAt: '2026-03-15T02:00:00.000Z',
      violation: { serious: false, description: expect.stringContaining('验收不通过 2 次') },
    });
  });

  it('opens nothing when the policy names no trigger', () => {
    expect(hazardCaseTrigger([reported('major'), overdue, rejected(DEADLINE), rejected(DEADLINE)], {}, at('2026-05-01T00:00:00Z'))).toBeUndefined();
  });
});
