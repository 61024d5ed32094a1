import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@duban/domain';
import { both, iso, unitThen } from '../testing/campaign-fixtures';
import { CAMPAIGN_ID, recordUnitScenario, type UnitScenario } from '../testing/campaign-unit-scenario';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// The campaign's audit trail and its escalations (campaign U-1, testing/campaign-unit-scenario,
// with u-3 removed on day 5 and u-2 closed at the end).

describe('campaign audit trail on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_trail');
  let reader: CampaignLedgerReader;
  let scenario: UnitScenario;
  beforeAll(async () => {
    const writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
    scenario = await recordUnitScenario(writer);
    const { u2, u3 } = scenario;
    await writer.recordUnit(both(u3, unitThen(u3, { type: 'removed', data: {}, at: iso(5), actor: SYSTEM_ACTOR, reason: '不在排查范围' })));
    await writer.recordUnit(both(u2, unitThen(u2, { type: 'closed', data: {}, at: iso(60), actor: SYSTEM_ACTOR, reason: '专项行动结束' })));
  });

  it('escalations: the units’ 督办升级, newest first, by unit', async () => {
    expect(await reader.escalations(CAMPAIGN_ID)).toEqual([
      {
        unitId: 'u-1',
        seq: 4,
        type: 'escalated',
        at: '2026-06-02T09:00:00.000Z',
        actor: SYSTEM_ACTOR,
        reason: '提醒: 1 次未按时报送',
        data: { stepId: 'reminder-after-1-missed', instrument: 'reminder', missedCount: 1 },
      },
    ]);
    expect(await reader.escalations(CAMPAIGN_ID, { unitId: 'u-2' })).toEqual([]);
    expect(await reader.escalations('nope')).toEqual([]);
  });

  it('events: the campaign’s own first, then each unit’s, each in seq order', async () => {
    const { items: trail, next } = await reader.events(CAMPAIGN_ID);
    expect(next).toBeNull();
    expect(trail.map((e) => [e.unitId, e.seq, e.type])).toEqual([
      [null, 1, 'launched'],
      ...scenario.u1.events.map((e) => ['u-1', e.seq, e.type]),
      ['u-2', 1, 'enrolled'],
      ['u-2', 2, 'report_submitted'],
      ['u-2', 3, 'report_submitted'],
      ['u-2', 4, 'closed'],
      ['u-3', 1, 'enrolled'],
      ['u-3', 2, 'removed'],
      ['u-5', 1, 'enrolled'],
    ]);
    expect(trail[0]).toMatchObject({
      actor: { id: 'office-1', name: '王主任', role: 'office' },
      reason: '专项行动 U-1 启动',
      data: { unitCount: 4 },
    });
    expect(trail[0]!.actor).not.toHaveProperty('unitId');
    expect(trail.find((e) => e.unitId === 'u-1' && e.type === 'report_submitted')!.actor).toEqual({
      id: 'u-1-safety',
      name: 'u-1 安全员',
      role: 'unit',
      unitId: 'u-1',
    });
    expect((await reader.events(CAMPAIGN_ID, { unitIds: ['u-2'] })).items.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await reader.events(CAMPAIGN_ID, { unitIds: [null] })).items.map((e) => e.type)).toEqual(['launched']);
    expect(await reader.events('nope')).toEqual({ items: [], next: null });
  });
});
