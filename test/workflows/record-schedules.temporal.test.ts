import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCIDENT_RECORD_SCHEDULE, ENFORCEMENT_RECORD_SCHEDULE, SCHEDULED_ENFORCEMENT_REVIEW_REASON } from '@duban/workflows';
import { ensureRecordSchedule } from '../../apps/worker/src/record-schedules';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';

// On the dev server: the Java test server has no Schedules.

describe('the records’ rule-run Schedules', () => {
  let harness: DevServerHarness;
  const taskQueue = `record-schedules-${process.pid}`;
  const handle = (scheduleId: string) => harness.client.schedule.getHandle(scheduleId);
  const remove = (scheduleId: string) =>
    handle(scheduleId)
      .delete()
      .catch(() => undefined);
  const schedules = [ACCIDENT_RECORD_SCHEDULE, ENFORCEMENT_RECORD_SCHEDULE];
  beforeAll(async () => {
    harness = await connectDevServer();
    for (const s of schedules) await remove(s.scheduleId);
  });
  afterAll(async () => {
    for (const s of schedules) await remove(s.scheduleId);
    await harness.close();
  });

  it('the accident record’s: created at 08:00 Beijing time on the 1st, reviewing the record, and ensuring it again changes nothing', async () => {
    const s = ACCIDENT_RECORD_SCHEDULE;
    expect(await ensureRecordSchedule(harness.client, s, taskQueue)).toBe('created');
    const described = await handle(s.scheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'accidentRecordReviewWorkflow', taskQueue });
    expect(described.policies.overlap).toBe('SKIP');
    // Every next run is on the 1st at 08:00 in China (00:00 UTC).
    expect(described.info.nextActionTimes.length).toBeGreaterThan(0);
    for (const next of described.info.nextActionTimes) expect(next.toISOString()).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
    expect(await ensureRecordSchedule(harness.client, s, taskQueue)).toBe('unchanged');
  });

  it('the accident record’s: brought back to its definition when it differs', async () => {
    const s = ACCIDENT_RECORD_SCHEDULE;
    await handle(s.scheduleId).update((previous) => ({
      ...previous,
      spec: { calendars: [{ dayOfMonth: 15, hour: 9 }], timezone: 'UTC' },
      state: { note: 'changed by hand' },
    }));
    expect((await handle(s.scheduleId).describe()).spec.timezone).toBe('UTC');
    expect(await ensureRecordSchedule(harness.client, s, taskQueue)).toBe('updated');
    const described = await handle(s.scheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    for (const next of described.info.nextActionTimes) expect(next.toISOString()).toMatch(/-01T00:00:00\.000Z$/);
    expect(await ensureRecordSchedule(harness.client, s, taskQueue)).toBe('unchanged');
  });

  it('the enforcement record’s: created at 00:30 Beijing time every day, running the review, and ensuring it again changes nothing', async () => {
    const s = ENFORCEMENT_RECORD_SCHEDULE;
    expect(await ensureRecordSchedule(harness.client, s, taskQueue)).toBe('created');
    const described = await handle(s.scheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'enforcementRecordReviewWorkflow', taskQueue });
    // Each run says why it runs: the Schedule's fixed reason.
    expect(described.action.type === 'startWorkflow' && described.action.args).toEqual([{ reason: SCHEDULED_ENFORCEMENT_REVIEW_REASON }]);
    expect(described.policies.overlap).toBe('SKIP');
    // 00:30 in China is 16:30 UTC the day before, one day apart.
    const next = described.info.nextActionTimes;
    expect(next.length).toBeGreaterThan(1);
    for (const at of next) expect(at.toISOString()).toMatch(/T16:30:00\.000Z$/);
    expect(next[1]!.getTime() - next[0]!.getTime()).toBe(24 * 3600_000);
    expect(await ensureRecordSchedule(harness.client, s, taskQueue)).toBe('unchanged');
  });
});
