import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCIDENT_RECORD_SCHEDULE } from '@duban/workflows';
import { ensureAccidentRecordSchedules } from '../../apps/worker/src/accident-record-schedules';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';

// On the dev server: the Java test server has no Schedules.

describe('the accident record’s monthly Schedule', () => {
  let harness: DevServerHarness;
  const taskQueue = `accident-record-schedule-${process.pid}`;
  const handle = () => harness.client.schedule.getHandle(ACCIDENT_RECORD_SCHEDULE.scheduleId);
  const remove = () =>
    handle()
      .delete()
      .catch(() => undefined);
  beforeAll(async () => {
    harness = await connectDevServer();
    await remove();
  });
  afterAll(async () => {
    await remove();
    await harness.close();
  });

  it('is created at 08:00 Beijing time on the 1st, reviewing the record, and ensuring it again changes nothing', async () => {
    expect(await ensureAccidentRecordSchedules(harness.client, taskQueue)).toBe('created');
    const described = await handle().describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'accidentRecordReviewWorkflow', taskQueue });
    expect(described.policies.overlap).toBe('SKIP');
    // Every next run is on the 1st at 08:00 in China (00:00 UTC).
    expect(described.info.nextActionTimes.length).toBeGreaterThan(0);
    for (const next of described.info.nextActionTimes) expect(next.toISOString()).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
    expect(await ensureAccidentRecordSchedules(harness.client, taskQueue)).toBe('unchanged');
  });

  it('is brought back to its definition when it differs', async () => {
    await handle().update((previous) => ({
      ...previous,
      spec: { calendars: [{ dayOfMonth: 15, hour: 9 }], timezone: 'UTC' },
      state: { note: 'changed by hand' },
    }));
    expect((await handle().describe()).spec.timezone).toBe('UTC');
    expect(await ensureAccidentRecordSchedules(harness.client, taskQueue)).toBe('updated');
    const described = await handle().describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    for (const next of described.info.nextActionTimes) expect(next.toISOString()).toMatch(/-01T00:00:00\.000Z$/);
    expect(await ensureAccidentRecordSchedules(harness.client, taskQueue)).toBe('unchanged');
  });
});
