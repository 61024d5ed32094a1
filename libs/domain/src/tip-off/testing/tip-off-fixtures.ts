import type { Actor } from '../../actor';
import type { AccidentReport } from '../../accident/accident-report';
import type { TipOff, TipOffVerification } from '../../accident/tip-off';

export const tipOffice: Actor = { id: 'o-city', name: '市安委办 核查员', role: 'office' };

/** Seed 002 篇八's "12·25": an online tip, 28 December 2026 09:00 Beijing, about a tunnel accident on a central-enterprise project. */
export function tip1225(overrides: Partial<TipOff> = {}): TipOff {
  return {
    tipOffId: 'tip-1225',
    channel: 'online',
    informant: '匿名',
    receivedAt: '2026-12-28T01:00:00.000Z',
    account: '某中央企业重点工程隧道施工发生事故, 造成多人死亡, 未上报',
    regionId: 'county-1225',
    unitId: 'central-enterprise-project',
    ...overrides,
  };
}

/** What the verification found: 8 deaths, never reported by the unit. */
export function verification1225(overrides: Partial<TipOffVerification> = {}): TipOffVerification {
  return {
    verified: true,
    findings: '经核实, 12月25日隧道施工事故造成8人死亡, 事故单位未报告',
    casualties: { deaths: 8, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
    responsiblePeople: ['项目经理 甲', '项目部安全负责人 乙'],
    verifiedBy: '市应急管理局 核查组',
    verifiedAt: '2026-12-28T10:00:00.000Z',
    ...overrides,
  };
}

/** The accident's facts the office records from the verification (the casualties are the verification's). */
export function facts1225(overrides: Partial<Omit<AccidentReport, 'casualties'>> = {}): Omit<AccidentReport, 'casualties'> {
  return {
    occurredAt: '2026-12-25T06:00:00.000Z',
    regionId: 'county-1225',
    location: '某重点工程隧道施工现场',
    unitId: 'central-enterprise-project',
    industry: '建筑施工',
    sector: 'industry_trade',
    kind: 'collapse',
    livesEndangered: 8,
    account: '隧道施工发生坍塌, 8人死亡; 事故单位未报告, 经举报人网络举报并核实',
    reporter: '市安委办 核查员',
    reportedAt: '2026-12-28T10:30:00.000Z',
    ...overrides,
  };
}
