import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import { campaignThen, INDUSTRIES, iso, launch, OFFICE, REGIONS, schedule, TEMPLATE, unit, type Campaign } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// Campaign rows: recordCampaign under retries and reordering, the projected row, the list.

describe('campaign rows on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_rows');
  let writer: CampaignLedgerWriter;
  let reader: CampaignLedgerReader;
  beforeAll(() => {
    writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
  });
  const count = db.count;

  const units3 = [unit('u-1', 'r-east', 'chem'), unit('u-2', 'r-east', 'build'), unit('u-3', 'r-west')];
  let c1: Campaign;

  it('recordCampaign twice (a retried activity) leaves one event per seq and the projected row', async () => {
    c1 = launch('C-1', units3);
    const input = { ...c1, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY };
    await writer.recordCampaign(input);
    await writer.recordCampaign(input);

    expect(await count(`campaign_event WHERE campaign_id = 'C-1'`)).toBe(1);
    expect(await reader.get('C-1')).toEqual({
      campaignId: 'C-1',
      workflowId: 'campaign-C-1',
      name: '专项行动 C-1',
      kind: 'hundred_day_drive',
      templateId: 'tpl-drive',
      scopeRegions: REGIONS,
      scopeIndustries: INDUSTRIES,
      leadLeader: '张副县长',
      leadDepartment: '县应急管理局',
      unitCount: 3,
      startsAt: iso(0),
      endsAt: iso(60),
      schedule: schedule(),
      phaseExtensions: {},
      status: 'running',
      currentPhaseId: null, // launched the day before the first phase starts
      currentPhase: null,
      launchedBy: { id: 'office-1', name: '王主任', regionId: null },
      launchedAt: iso(-1),
      closedAt: null,
      version: 1,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await reader.snapshot('C-1')).toEqual(c1.state);
    expect(await reader.plan('C-1')).toEqual({
      campaignId: 'C-1',
      template: TEMPLATE,
      startsAt: iso(0),
      phaseExtensions: {},
      hazardPolicy: STANDARD_HAZARD_POLICY,
    });
    expect(await reader.plan('nope')).toBeUndefined();
    expect(await reader.get('nope')).toBeUndefined();
  });

  it('the row follows the newest snapshot; an older one arriving late changes nothing', async () => {
    const enrolled = campaignThen(c1, { type: 'units_enrolled', data: { from: 0, to: 3 }, at: iso(-1), actor: OFFICE, reason: '3 units' });
    const started = campaignThen(enrolled, {
      type: 'phase_started',
      data: { phaseId: 'self-check' },
      at: iso(10),
      actor: OFFICE,
      reason: '自查自纠开始',
    });
    await writer.recordCampaign({
      events: [...enrolled.events, ...started.events],
      state: started.state,
      schedule: schedule(),
      hazardPolicy: STANDARD_HAZARD_POLICY,
    });
    const row = await reader.get('C-1');
    expect(row).toMatchObject({ version: 3, currentPhaseId: 'self-check', currentPhase: schedule().phases[1] });

    await writer.recordCampaign({ ...c1, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY }); // v1, late
    expect(await reader.get('C-1')).toEqual(row);
    // The same version again is a no-op too (updated_at does not move).
    await writer.recordCampaign({ events: started.events, state: started.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
    expect(await reader.get('C-1')).toEqual(row);
    // An empty batch with the state still finds the last event's time in the log.
    await db.dataSource.query(`UPDATE campaign SET version = 2, current_phase_id = NULL WHERE campaign_id = 'C-1'`);
    await writer.recordCampaign({ events: [], state: started.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
    expect(await reader.get('C-1')).toMatchObject({ version: 3, currentPhaseId: 'self-check' });
    c1 = { state: started.state, events: [...c1.events, ...enrolled.events, ...started.events] };
  });

  it('batches recorded out of order: the log is complete and launched_at is filled in late', async () => {
    const launched = launch('C-2', units3.slice(0, 1), { startsAt: iso(-20) });
    const enrolled = campaignThen(launched, { type: 'units_enrolled', data: { from: 0, to: 1 }, at: iso(-19), actor: OFFICE, reason: '1 unit' });
    await writer.recordCampaign({ ...enrolled, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
    expect(await reader.get('C-2')).toMatchObject({ version: 2, launchedAt: null });
    await writer.recordCampaign({ ...launched, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY });
    expect(await reader.get('C-2')).toMatchObject({ version: 2, launchedAt: iso(-1) });
    expect((await reader.events('C-2')).items.map((e) => [e.seq, e.type])).toEqual([
      [1, 'launched'],
      [2, 'units_enrolled'],
    ]);
    // The plan keeps the launch's own start, whatever the schedule says.
    expect(await reader.plan('C-2')).toMatchObject({ startsAt: iso(-20) });
  });

  it('an extended phase moves the schedule; closing records closed_at and clears the current phase', async () => {
    const by = { amount: 5, unit: 'days' as const };
    const extended = campaignThen(c1, {
      type: 'phase_extended',
      data: { phaseId: 'mobilise', by, newEndsAt: iso(15) },
      at: iso(12),
      actor: OFFICE,
      reason: '延长动员部署',
    });
    await writer.recordCampaign({ ...extended, schedule: schedule(5), hazardPolicy: STANDARD_HAZARD_POLICY });
    expect(await reader.get('C-1')).toMatchObject({
      version: 4,
      endsAt: iso(65),
      schedule: schedule(5),
      phaseExtensions: { mobilise: [by] },
      currentPhaseId: 'mobilise', // day 12 is in the extended first phase
    });
    expect(await reader.plan('C-1')).toMatchObject({ phaseExtensions: { mobilise: [by] } });

    const closed = campaignThen(extended, { type: 'closed', data: {}, at: iso(40), actor: OFFICE, reason: '活动结束' });
    await writer.recordCampaign({ ...closed, schedule: schedule(5), hazardPolicy: STANDARD_HAZARD_POLICY });
    expect(await reader.get('C-1')).toMatchObject({ version: 5, status: 'closed', closedAt: iso(40), currentPhaseId: null, currentPhase: null });
  });

  it('list filters by status and kind, newest start first, with totals', async () => {
    const sweep = launch('C-3', units3, { template: { ...TEMPLATE, id: 'tpl-sweep', kind: 'hazard_sweep' }, startsAt: iso(30) });
    await writer.recordCampaign({ ...sweep, schedule: schedule(0, 30), hazardPolicy: STANDARD_HAZARD_POLICY });
    const ids = (r: { items: Array<{ campaignId: string }> }) => r.items.map((i) => i.campaignId);
    // C-1 and C-2 share the start of their recorded schedules: then by id.
    expect(ids(await reader.list({}))).toEqual(['C-3', 'C-1', 'C-2']);
    expect(await reader.list({ status: 'closed' })).toMatchObject({ total: 1, items: [{ campaignId: 'C-1' }] });
    expect(ids(await reader.list({ status: 'running' }))).toEqual(['C-3', 'C-2']);
    expect(ids(await reader.list({ kind: 'hazard_sweep' }))).toEqual(['C-3']);
    expect(await reader.list({ limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ campaignId: 'C-1' }] });
    expect(await reader.list({ kind: 'safety_month' })).toEqual({ items: [], total: 0 });
  });

  it('a batch for another campaign or past the state is refused before touching the database', async () => {
    const a = launch('C-9', units3);
    const b = launch('C-10', units3);
    await expect(
      writer.recordCampaign({ events: a.events, state: b.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY }),
    ).rejects.toThrow(/belongs to campaign C-9, not C-10/);
    const ahead = { ...a.events[0]!, seq: 2 };
    await expect(
      writer.recordCampaign({ events: [ahead], state: a.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY }),
    ).rejects.toThrow(/outside 1\.\.1/);
    expect(await count(`campaign WHERE campaign_id IN ('C-9', 'C-10')`)).toBe(0);
    expect(await count(`campaign_event WHERE campaign_id IN ('C-9', 'C-10')`)).toBe(0);
  });
});
