import type { Actor } from '../../actor';
import { DeciderSpecification, type Given } from '../../testing/decider-specification';
import type { AccidentCommand } from '../accident-commands';
import { accidentDecider } from '../accident-decider';
import type { NewAccidentEvent } from '../accident-events';
import { STANDARD_ACCIDENT_POLICY } from '../accident-policy';
import type { AccidentReport } from '../accident-report';
import type { AccidentState } from '../accident-state';
import { openAccidentFile } from '../decide-accident-report';

export const office: Actor = { id: 'o1', name: '市安委办 李主任', role: 'office' };
export const team: Actor = { id: 't1', name: '事故调查组 张组长', role: 'inspector' };
export const unit: Actor = { id: 'u1', name: '事故企业 王总', role: 'unit', unitId: 'liulin-chem' };
export const otherUnit: Actor = { id: 'u2', name: '他厂 赵总', role: 'unit', unitId: 'other-plant' };
export const auditor: Actor = { id: 'a1', name: '纪委监委', role: 'auditor' };

/** 21 August 2026, 10:00 in Beijing: the accident happens. */
export const OCCURRED = new Date('2026-08-21T02:00:00Z');
const HOUR_MS = 3600_000;
export const afterAccident = (hours: number) => new Date(OCCURRED.getTime() + hours * HOUR_MS);
export const daysAfter = (days: number) => afterAccident(days * 24);

/** Seed 001's Jiyuan "8·21": a 窒息 accident, here first reported with 2 deaths (a 续报 brings 3). */
export function accidentReport(overrides: Partial<AccidentReport> = {}): AccidentReport {
  return {
    occurredAt: OCCURRED.toISOString(),
    regionId: 'jiyuan-lilin',
    location: '梨林镇某化工企业污水池',
    unitId: 'liulin-chem',
    industry: '危险化学品',
    sector: 'industry_trade',
    kind: 'poisoning_asphyxiation',
    casualties: { deaths: 2, missing: 0, seriousInjuries: 1, directLossYuan: 3_000_000 },
    livesEndangered: 3,
    account: '清理污水池作业时发生中毒窒息, 施救人员盲目施救',
    reporter: '王总 (企业主要负责人)',
    reportedAt: afterAccident(0.5).toISOString(),
    ...overrides,
  };
}

export type AccidentGiven = Given<AccidentState, AccidentCommand, NewAccidentEvent>;

/** Given the accident's record opened half an hour after the accident from the unit's 快报. */
export function reported(overrides: Partial<AccidentReport> = {}): AccidentGiven {
  const now = afterAccident(0.5);
  const opening = openAccidentFile('acc-821', accidentReport(overrides), unit, STANDARD_ACCIDENT_POLICY, now);
  const first = opening[0];
  if (first?.type !== 'reported') throw new Error('an accident record opens with its report');
  return DeciderSpecification.for(accidentDecider, { start: [first], now }).given(opening);
}
