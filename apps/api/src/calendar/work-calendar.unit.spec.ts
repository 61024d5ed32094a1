import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from '@duban/domain';
import type { CampaignWorkflowInput } from '@duban/workflows';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { auditor, office, unitA } from '../testing/actors';
import { campaignWorldOverrides, clone, launchBody, SECRET } from '../testing/campaign-spec-fixtures';
import { FakeCampaignWorld, NOW } from '../testing/fake-campaign-world';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { WorkCalendarModule } from './work-calendar.module';

const YEAR_2027 = {
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ],
  makeupWorkdays: ['2027-01-30', '2027-02-20'],
  reason: '国务院办公厅关于2027年部分节假日安排的通知',
};

/** The hundred-day drive with its first phase counted in working days, starting just before New Year 2027. */
function workdayLaunch() {
  const template = clone(HUNDRED_DAY_DRIVE_TEMPLATE);
  template.phases[0]!.duration = { amount: 10, unit: 'workdays' };
  return launchBody({ templateId: undefined, template, startsAt: '2026-12-28T09:00:00+08:00' });
}

describe('the work calendar API (工作日历)', () => {
  const world = new FakeCampaignWorld();
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      secret: SECRET,
      now: NOW,
      client: world.client,
      imports: [CampaignsModule, WorkCalendarModule],
      overrides: campaignWorldOverrides(world),
    });
  });
  afterAll(() => api?.close());

  it('lists the package years with their source and version; 2027 is not covered yet', async () => {
    const res = await api.call('GET', '/work-calendar', auditor);
    expect(res.status).toBe(200);
    expect(res.body.years.at(-1)).toMatchObject({
      year: 2026,
      origin: 'official_package',
      source: 'chinese-days@1.5.7',
      holidayCount: 33,
      makeupWorkdayCount: 6,
    });
    expect(res.body.years.at(-1).version).toMatch(/^2026:chinese-days@1\.5\.7#[0-9a-f]{12}$/);
    const year = await api.call('GET', '/work-calendar/2026', unitA);
    expect(year.body).toMatchObject({ year: 2026, history: [] });
    expect(year.body.makeupWorkdays).toContain('2026-10-10');
    expect((await api.call('GET', '/work-calendar/2027', auditor)).status).toBe(404);
  });

  it('refuses a working-day deadline reaching 2027 before 2027 is loaded, naming the year, and starts nothing', async () => {
    const res = await api.call('POST', '/campaigns', office, workdayLaunch());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'calendar.year_not_covered', field: 'calendar' });
    expect(res.body.detail).toContain('2027年的工作日历尚未载入');
    expect(world.started).toHaveLength(0);
  });

  it('only the office loads a year; the body is checked field by field', async () => {
    expect((await api.call('PUT', '/work-calendar/2027', auditor, YEAR_2027)).status).toBe(403);
    const weekday = await api.call('PUT', '/work-calendar/2027', office, { ...YEAR_2027, makeupWorkdays: ['2027-02-22'] });
    expect(weekday.status).toBe(400);
    expect(weekday.body).toMatchObject({ code: 'calendar.makeup_not_weekend', field: 'makeupWorkdays[0]' });
    const badYear = await api.call('PUT', '/work-calendar/27', office, YEAR_2027);
    expect([badYear.status, badYear.body.field]).toEqual([400, 'year']);
  });

  it('after the office loads 2027, the same launch is accepted and the workflow gets 2027 in its calendar', async () => {
    const put = await api.call('PUT', '/work-calendar/2027', office, YEAR_2027);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      year: 2027,
      origin: 'office',
      source: 'office.v1',
      changed: true,
      office: { version: 1, change: 'created', reason: YEAR_2027.reason },
    });
    expect(put.body.office.changedBy).toMatchObject({ id: office.id, role: 'office' });

    const res = await api.call('POST', '/campaigns', office, workdayLaunch());
    expect(res.status).toBe(201);
    const [input] = world.started.at(-1)!.options.args as CampaignWorkflowInput[];
    expect(Object.keys(input!.calendar!.years)).toEqual(['2025', '2026', '2027']);
    expect(input!.calendar!.version).toMatch(/\+2027:office\.v1#[0-9a-f]{12}$/);
    expect(input!.calendar!.years['2027']!.makeupWorkdays).toEqual(YEAR_2027.makeupWorkdays);
  });

  it('a change needs the version read: stale is a 409, the same days again change nothing, history keeps every version', async () => {
    const stale = await api.call('PUT', '/work-calendar/2027', office, { ...YEAR_2027, holidays: ['2027-01-01'] });
    expect([stale.status, stale.body.code]).toEqual([409, 'calendar.version_stale']);
    const same = await api.call('PUT', '/work-calendar/2027', office, { ...YEAR_2027, expectedVersion: 1 });
    expect([same.status, same.body.changed, same.body.office.version]).toEqual([200, false, 1]);
    const changed = await api.call('PUT', '/work-calendar/2027', office, {
      ...YEAR_2027,
      holidays: ['2027-01-01'],
      expectedVersion: 1,
      reason: '更正',
    });
    expect(changed.body).toMatchObject({ source: 'office.v2', holidayCount: 1, changed: true });
    const year = await api.call('GET', '/work-calendar/2027', auditor);
    expect(year.body.history.map((v: { version: number; validTo?: string }) => [v.version, Boolean(v.validTo)])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});
