import { STANDARD_HAZARD_POLICY, SYSTEM_ACTOR } from '@duban/domain';
import type { CampaignLedgerWriter } from '../campaign/campaign-ledger-writer';
import { afternoon, both, dailyReport, enrol, launch, schedule, unit, unitActor, unitThen, type Unit } from './campaign-fixtures';

/*
 * Campaign U-1, the unit specs' shared scenario: launched over u-1..u-4; u-4 never reports (its
 * roster row stays pending); u-5 joins on day 3 without being put on the roster first.
 *   u-1: reports day 0 on time, misses day 1 (a reminder), reports it late on day 2, one
 *        inspection and two findings (HZ-1, HZ-2).
 *   u-2: zero reports on days 0 and 1.
 *   u-3: enrolled, nothing else.
 */
export const CAMPAIGN_ID = 'U-1';

export const U = {
  u1: unit('u-1', 'r-east', 'chem'),
  u2: unit('u-2', 'r-east', 'build'),
  u3: unit('u-3', 'r-west', undefined, 'government'),
  u4: unit('u-4', 'r-west', 'chem'),
  u5: unit('u-5', 'r-west', 'build'),
};

export const LAUNCHED_UNITS = [U.u1, U.u2, U.u3, U.u4];

export const u1Opened = enrol(CAMPAIGN_ID, U.u1);
export const u1Day0 = unitThen(u1Opened, dailyReport(u1Opened, 0));

/** u-1 from its day-0 report on: the miss, the reminder, the late report, the inspection, the findings. */
export function u1AfterDay0(): Unit {
  const missed = unitThen(u1Day0, {
    type: 'obligation_missed',
    data: { obligationId: 'report:daily:2026-06-02', dueAt: '2026-06-02T09:00:00.000Z' },
    at: '2026-06-02T09:00:00.000Z',
    actor: SYSTEM_ACTOR,
    reason: '一日一报 逾期未报',
  });
  const escalated = unitThen(missed, {
    type: 'escalated',
    data: { stepId: 'reminder-after-1-missed', instrument: 'reminder', missedCount: 1 },
    at: '2026-06-02T09:00:00.000Z',
    actor: SYSTEM_ACTOR,
    reason: '提醒: 1 次未按时报送',
  });
  const late = unitThen(escalated, dailyReport(escalated, 1, { onTime: false, at: afternoon(2) }));
  const inspected = unitThen(late, {
    type: 'inspection_recorded',
    data: { tierId: 'self', checkItemIds: ['c1'], note: '自查完成' },
    at: afternoon(2),
    actor: unitActor('u-1'),
    reason: '自查完成',
  });
  const found = unitThen(
    inspected,
    {
      type: 'finding_recorded',
      data: { hazardId: 'HZ-1', title: '消防通道堵塞', grade: 'general' },
      at: afternoon(2),
      actor: unitActor('u-1'),
      reason: '发现隐患',
    },
    {
      type: 'finding_recorded',
      data: { hazardId: 'HZ-2', title: '配电箱未接地', grade: 'general' },
      at: afternoon(2),
      actor: unitActor('u-1'),
      reason: '发现隐患',
    },
  );
  return both(both(both(both(missed, escalated), late), inspected), found);
}

export const u2Opened = enrol(CAMPAIGN_ID, U.u2);
export const u2Day0 = unitThen(u2Opened, dailyReport(u2Opened, 0, { zero: true }));
export const u2Day1 = unitThen(u2Day0, dailyReport(u2Day0, 1, { zero: true }));

export interface UnitScenario {
  u1: Unit;
  u2: Unit;
  u3: Unit;
  u5: Unit;
}

/** Each unit's whole history (events from seq 1, final state). */
export function unitScenario(): UnitScenario {
  return {
    u1: both(both(u1Opened, u1Day0), u1AfterDay0()),
    u2: both(both(u2Opened, u2Day0), u2Day1),
    u3: enrol(CAMPAIGN_ID, U.u3),
    u5: enrol(CAMPAIGN_ID, U.u5, 3),
  };
}

/** The campaign and its roster, as the launch writes them. */
export async function recordLaunch(writer: CampaignLedgerWriter): Promise<void> {
  const campaign = launch(CAMPAIGN_ID, LAUNCHED_UNITS);
  await writer.recordCampaign({ ...campaign, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
  await writer.saveRoster(CAMPAIGN_ID, LAUNCHED_UNITS);
}

/** The whole scenario, each unit in one batch. */
export async function recordUnitScenario(writer: CampaignLedgerWriter): Promise<UnitScenario> {
  await recordLaunch(writer);
  const scenario = unitScenario();
  for (const u of [scenario.u1, scenario.u2, scenario.u3, scenario.u5]) await writer.recordUnit(u);
  return scenario;
}
