import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSpan,
  cstDate,
  cstDayStart,
  cstIsoWeekday,
  STANDARD_HAZARD_POLICY,
  workCalendarOf,
  workdays,
  type HazardPolicy,
  type WorkCalendarData,
} from '@duban/domain';
import { officialScheduleYears, WorkCalendarSource, WorkCalendarYears } from '@duban/persistence';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  delistUpdate,
  hazardStateQuery,
  hazardWorkflowId,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { useLedgerDatabase } from '../../libs/persistence/src/testing/ledger-database';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office, unitA } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-env';

/** A ladder counted in working days, so the calendar decides when each rung fires. */
const WORKDAY_POLICY: HazardPolicy = {
  ...STANDARD_HAZARD_POLICY,
  id: 'workday-ladder',
  escalation: [
    { id: 'listed-3-workdays-overdue', instrument: 'listed_supervision', offset: workdays(3) },
    { id: 'summons-5-workdays-overdue', instrument: 'summons', offset: workdays(5) },
  ],
};

let harness: TimeSkippingHarness;
let running: Promise<void>;
// The office's calendar years on a scratch database of their own: the suite's shared one stays untouched.
const calendarDb = useLedgerDatabase('work_calendar_replay');

beforeAll(async () => {
  harness = await startTimeSkippingHarness(`calendar-${randomUUID()}`);
  running = harness.worker.run();
});

afterAll(async () => {
  harness.worker.shutdown();
  await running;
  await harness.teardown();
});

const nextDay = (day: string, n = 1) => cstDate(new Date(cstDayStart(day).getTime() + n * DAY_MS));

describe('a workflow keeps the work calendar it was started with', () => {
  it('fires its working-day rungs on calendar A after the source moved to B, and its history replays', async () => {
    const years = new WorkCalendarYears(calendarDb.dataSource);
    const source = new WorkCalendarSource(years);
    const t0 = await harness.env.currentTimeMs();
    const deadline = new Date(t0 + 10 * DAY_MS);
    const year = Number(cstDate(deadline).slice(0, 4));
    const base = (y: number) => officialScheduleYears()[String(y)] ?? { holidays: [], makeupWorkdays: [] };

    // Version A: the office adds one holiday on the first weekday after the deadline; B adds a whole week.
    let holidayA = nextDay(cstDate(deadline));
    while (cstIsoWeekday(cstDayStart(holidayA)) > 5 || base(year).holidays.includes(holidayA)) holidayA = nextDay(holidayA);
    const week = Array.from({ length: 7 }, (_, n) => nextDay(cstDate(deadline), n + 1));
    const withHolidays = (y: number, extra: string[]) => {
      const { holidays, makeupWorkdays } = base(y);
      const added = extra.filter((d) => d.startsWith(`${y}-`) && !makeupWorkdays.includes(d));
      return { holidays: [...new Set([...holidays, ...added])], makeupWorkdays };
    };
    for (const y of [year, year + 1]) await years.put({ year: y, ...withHolidays(y, [holidayA]), reason: '版本A', actor: office }, new Date(t0));
    const calendarA: WorkCalendarData = await source.calendar(year - 1);

    const hazardId = randomUUID();
    const handle = await harness.env.client.workflow.start(hazardWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: hazardWorkflowId(hazardId),
      args: [
        {
          hazardId,
          report: hazardReport(t0, { deadline: deadline.toISOString() }),
          reporter: inspector,
          policy: WORKDAY_POLICY,
          calendar: calendarA,
        },
      ],
    });
    await handle.executeUpdate(awaitRegisteredUpdate);
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(t0 + 5 * DAY_MS) }] });

    // The calendar source changes while the workflow runs: the office loads version B of the year.
    for (const y of [year, year + 1])
      await years.put(
        { year: y, ...withHolidays(y, [holidayA, ...week]), expectedVersion: 1, reason: '版本B', actor: office },
        new Date(t0 + DAY_MS),
      );
    const calendarB = await source.calendar(year - 1);
    expect(calendarB.version).not.toBe(calendarA.version);

    const onA = workCalendarOf(calendarA);
    const listedA = addSpan(deadline, workdays(3), onA);
    const summonsA = addSpan(deadline, workdays(5), onA);
    const listedB = addSpan(deadline, workdays(3), workCalendarOf(calendarB));
    // The holiday of A moved the rung by a day against plain weekdays; B would have moved it past A's last rung.
    expect(listedA.getTime()).toBeGreaterThan(addSpan(deadline, workdays(3)).getTime());
    expect(listedB.getTime()).toBeGreaterThan(summonsA.getTime());

    await harness.env.sleep(summonsA.getTime() + 60_000 - (await harness.env.currentTimeMs()));
    const state = await handle.query(hazardStateQuery);
    expect(state.calendarVersion).toBe(calendarA.version);
    const fired = state.escalations.map((e) => [e.instrument, Math.round(Date.parse(e.at) / 60_000)]);
    expect(fired).toEqual([
      ['listed_supervision', Math.round(listedA.getTime() / 60_000)],
      ['summons', Math.round(summonsA.getTime() / 60_000)],
    ]);

    // The version is recorded beside the deadline in the ledger's events.
    const events: Array<{ type: string; data: { calendarVersion?: string } }> = await harness.dataSource.query(
      'select type, data from hazard_event where hazard_id = $1 order by seq',
      [hazardId],
    );
    expect(events.filter((e) => e.type === 'reported' || e.type === 'escalated').map((e) => e.data.calendarVersion)).toEqual([
      calendarA.version,
      calendarA.version,
      calendarA.version,
    ]);

    await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '连墙件已补齐', attachments: [] }] });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格' }] });
    // Listed by the ladder (挂牌督办): the file closes with the listing's 销号 by the office.
    await handle.executeUpdate(delistUpdate, { args: [{ actor: office, reason: '同意销号' }] });
    expect((await handle.result()).status).toBe('signed_off');

    // Replayed by the worker as it is after the change: the history carries calendar A, so nothing moves.
    const histories = await fetchHistories(harness.env.client, [handle.workflowId]);
    expect(await replayAll(histories)).toBe(1);
    maybeRecordFixtures('hazard-work-calendar', histories);
  });
});
