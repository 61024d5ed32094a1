import type { Actor } from '../../actor';
import { DeciderSpecification, type Given } from '../../testing/decider-specification';
import type { EnforcementCaseFiling } from '../enforcement-case-filing';
import type { EnforcementCommand } from '../enforcement-commands';
import { enforcementDecider } from '../enforcement-decider';
import type { NewEnforcementEvent } from '../enforcement-events';
import { STANDARD_ENFORCEMENT_POLICY, type EnforcementPolicy } from '../enforcement-policy';
import type { EnforcementCaseState } from '../enforcement-state';
import { openEnforcementCase } from '../open-enforcement-case';

export const office: Actor = { id: 'o1', name: '县安委办 李主任', role: 'office', unitId: 'county-office' };
export const inspector: Actor = { id: 'i1', name: '执法检查组 张队长', role: 'inspector' };
export const mine: Actor = { id: 'u1', name: '某煤矿 王矿长', role: 'unit', unitId: 'coal-mine-7' };
export const town: Actor = { id: 'u2', name: '某镇政府 刘镇长', role: 'unit', unitId: 'town-gov' };
export const department: Actor = { id: 'u3', name: '县能源局 陈局长', role: 'unit', unitId: 'county-energy', industryId: 'coal' };
export const countyGov: Actor = { id: 'u4', name: '县政府 赵县长', role: 'unit', unitId: 'county-gov' };
export const auditor: Actor = { id: 'a1', name: '纪委监委', role: 'auditor' };

/** 2 March 2026, 10:00 in Beijing: the case is opened. */
export const OPENED = new Date('2026-03-02T02:00:00Z');
export const daysAfter = (days: number) => new Date(OPENED.getTime() + days * 86_400_000);

export const LAW = '《安全生产法》第一百一十三条';

/** Seed 001/004: a coal mine producing beyond its capacity (超能力生产), against the company, its 法定代表人 and its 实际控制人. */
export function filing(overrides: Partial<EnforcementCaseFiling> = {}): EnforcementCaseFiling {
  return {
    caseId: 'case-7',
    unitId: 'coal-mine-7',
    regionId: 'county-a',
    industryId: 'coal',
    origin: 'hazard_overdue',
    sourceRef: 'hz-41',
    violation: { description: '重大隐患逾期未整改, 超能力组织生产', serious: true, foundAt: '2026-03-01T03:00:00.000Z', legalBasis: LAW },
    respondents: [
      { respondentId: 'r-company', role: 'enterprise', name: '某煤业有限公司' },
      { respondentId: 'r-legal', role: 'legal_representative', name: '王某 (法定代表人)' },
      { respondentId: 'r-controller', role: 'actual_controller', name: '孙某 (实际控制人)' },
    ],
    legalBasis: LAW,
    ...overrides,
  };
}

export type EnforcementGiven = Given<EnforcementCaseState, EnforcementCommand, NewEnforcementEvent>;

/** Given a case opened by the office at OPENED. */
export function opened(overrides: Partial<EnforcementCaseFiling> = {}, policy: EnforcementPolicy = STANDARD_ENFORCEMENT_POLICY): EnforcementGiven {
  const opening = openEnforcementCase(filing(overrides), office, policy, OPENED);
  const first = opening[0];
  if (first?.type !== 'opened') throw new Error('a case opens with 立案');
  return DeciderSpecification.for(enforcementDecider, { start: [first], now: OPENED }).given(opening);
}

export const suspend = (): EnforcementCommand => ({
  type: 'impose_suspension',
  actor: office,
  respondentId: 'r-company',
  reason: '责令停产整顿',
  legalBasis: LAW,
});
export const fileRectification = (): EnforcementCommand => ({ type: 'file_rectification', actor: mine, summary: '通风系统改造完成' });
export const inspect = (passed: boolean): EnforcementCommand => ({
  type: 'record_resumption_inspection',
  actor: inspector,
  passed,
  findings: passed ? '各项整改到位' : '通风系统仍不符合设计',
  inspectors: ['张队长', '李工'],
});
export const sign = (levelId: string, actor: Actor): EnforcementCommand => ({
  type: 'sign_resumption',
  actor,
  levelId,
  signer: actor.name,
  opinion: '同意复工复产',
});
export const fine = (respondentId = 'r-company', amountYuan = 2_000_000): EnforcementCommand => ({
  type: 'impose_fine',
  actor: office,
  respondentId,
  amountYuan,
  upperLimitYuan: 2_000_000,
  reason: '上限处罚',
  legalBasis: LAW,
});
export const closeCase = (): EnforcementCommand => ({ type: 'close_case', actor: office, conclusion: '处罚执行完毕', legalBasis: LAW });
