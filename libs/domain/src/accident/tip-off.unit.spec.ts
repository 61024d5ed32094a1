import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { gradeAccident } from './accident-grade';
import {
  assessVerifiedTipOff,
  validateTipOff,
  validateTipOffVerification,
  verificationDeadline,
  verificationTimeliness,
  type TipOff,
  type TipOffVerification,
} from './tip-off';

// 002 篇八 "12·25": 8 deaths on a central-enterprise key project, exposed by an online tip and verified.
const tip: TipOff = {
  tipOffId: 'tip-1225',
  channel: 'online',
  informant: '匿名',
  receivedAt: '2026-12-28T01:00:00.000Z',
  account: '某中央企业重点工程隧道施工发生事故, 造成多人死亡, 未上报',
  regionId: 'county-linfen-x',
  unitId: 'central-enterprise-project',
};
const verification: TipOffVerification = {
  verified: true,
  findings: '经核实, 12月25日隧道施工事故造成8人死亡, 事故单位未报告',
  casualties: { deaths: 8, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
  responsiblePeople: ['项目经理 甲', '项目部安全负责人 乙'],
  verifiedBy: '市应急管理局 核查组',
  verifiedAt: '2026-12-28T10:00:00.000Z',
};
const now = new Date('2026-12-29T00:00:00.000Z');

function refusal(fn: () => unknown): DomainRejection | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  return undefined;
}

describe('举报 and media reports: intake → verification → 瞒报 / 谎报', () => {
  it('"12·25": 8 deaths exposed by an online tip is 较大, flagged 瞒报 against the unit and its responsible people', () => {
    expect(gradeAccident(verification.casualties!).grade).toBe('larger');
    expect(assessVerifiedTipOff(tip, verification, 'central-enterprise-project', undefined)).toEqual([
      expect.objectContaining({
        kind: 'concealment',
        unitId: 'central-enterprise-project',
        responsiblePeople: ['项目经理 甲', '项目部安全负责人 乙'],
        tipOffId: 'tip-1225',
      }),
    ]);
  });

  it('still flags 瞒报 when the unit reports only after the tip came in', () => {
    const late = { reportedAt: '2026-12-28T05:00:00.000Z', casualties: verification.casualties! };
    expect(assessVerifiedTipOff(tip, verification, 'central-enterprise-project', late).map((f) => f.kind)).toEqual(['concealment']);
  });

  it('flags 谎报 with each understated number when the unit reported fewer', () => {
    const reported = { reportedAt: '2026-12-25T12:00:00.000Z', casualties: { deaths: 2, missing: 0, seriousInjuries: 0, directLossYuan: 0 } };
    const [flag] = assessVerifiedTipOff(tip, verification, 'central-enterprise-project', reported);
    expect(flag).toMatchObject({ kind: 'false_report', understated: [{ field: 'deaths', from: 2, to: 8 }] });
  });

  it('raises nothing for a tip not verified, or one that matches the unit’s report', () => {
    expect(assessVerifiedTipOff(tip, { ...verification, verified: false, casualties: undefined }, 'u', undefined)).toEqual([]);
    const matching = { reportedAt: '2026-12-25T12:00:00.000Z', casualties: verification.casualties! };
    expect(assessVerifiedTipOff(tip, verification, 'u', matching)).toEqual([]);
  });

  it('gives the verification a deadline, and says whether it was met', () => {
    expect(verificationDeadline(tip).toISOString()).toBe('2026-12-29T01:00:00.000Z');
    expect(verificationTimeliness(tip, undefined, new Date('2026-12-28T12:00:00Z'))).toBe('pending');
    expect(verificationTimeliness(tip, undefined, new Date('2026-12-29T02:00:00Z'))).toBe('overdue');
    expect(verificationTimeliness(tip, verification.verifiedAt, now)).toBe('on_time');
    expect(verificationTimeliness(tip, '2026-12-29T03:00:00.000Z', new Date('2026-12-30T00:00:00Z'))).toBe('late');
  });

  it('refuses an intake or a verification naming the field', () => {
    expect(refusal(() => validateTipOff(tip, now))).toBeUndefined();
    expect(refusal(() => validateTipOff({ ...tip, channel: 'pigeon' as never }, now))).toMatchObject({ code: 'input.not_one_of', field: 'channel' });
    expect(refusal(() => validateTipOff({ ...tip, account: ' ' }, now))).toMatchObject({ code: 'input.required', field: 'account' });
    expect(refusal(() => validateTipOffVerification(verification, now))).toBeUndefined();
    expect(
      refusal(() => validateTipOffVerification({ ...verification, casualties: { ...verification.casualties!, deaths: 1.5 } }, now)),
    ).toMatchObject({
      code: 'input.out_of_range',
      field: 'casualties.deaths',
    });
  });
});
