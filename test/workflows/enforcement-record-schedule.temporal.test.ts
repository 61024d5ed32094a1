import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENFORCEMENT_RECORD_SCHEDULE } from '@duban/workflows';
import { ensureEnforcementRecordSchedule } from '../../apps/worker/src/enforcement-record-schedules';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';

// On the dev server: the Java test server has no Schedules.

describe('the enforcement record’s daily Schedule', () => {
  let harness: DevServerHarness;
  const taskQueue = `enforcement-record-schedule-${process.pid}`;
  const handle = () => harness.client.schedule.getHandle(ENFORCEMENT_RECORD_SCHEDULE.scheduleId);
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

  it('is created at 00:30 Beijing time every day, running the review, and ensuring it again changes nothing', async () => {
    expect(await ensureEnforcementRecordSchedule(harness.client, taskQueue)).toBe('created');
    const described = await handle().describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'enforcementRecordReviewWorkflow', taskQueue });
    expect(described.policies.overlap).toBe('SKIP');
    // 00:30 in China is 16:30 UTC the day before, one day apart.
    const next = described.info.nextActionTimes;
    expect(next.length).toBeGreaterThan(1);
    for (const at of next) expect(at.toISOString()).toMatch(/T16:30:00\.000Z$/);
    expect(next[1]!.getTime() - next[0]!.getTime()).toBe(24 * 3600_000);
    expect(await ensureEnforcementRecordSchedule(harness.client, taskQueue)).toBe('unchanged');
  });
});
