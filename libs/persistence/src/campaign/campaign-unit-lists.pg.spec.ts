import { beforeAll, describe, expect, it } from 'vitest';
import { coverageMatrix, SYSTEM_ACTOR } from '@duban/domain';
import { both, INDUSTRIES, iso, REGIONS, unitThen } from '../testing/campaign-fixtures';
import { CAMPAIGN_ID, recordUnitScenario } from '../testing/campaign-unit-scenario';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// Lists over the units: filtered pages, the units to signal, the coverage matrix's rows
// (campaign U-1, testing/campaign-unit-scenario, with u-3 removed on day 5).

describe('campaign unit lists on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_unit_lists');
  let reader: CampaignLedgerReader;
  beforeAll(async () => {
    const writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
    const { u3 } = await recordUnitScenario(writer);
    const removed = unitThen(u3, { type: 'removed', data: {}, at: iso(5), actor: SYSTEM_ACTOR, reason: '不在排查范围' });
    await writer.recordUnit(both(u3, removed));
  });

  it('units(): filtered pages with counters and totals', async () => {
    expect(await reader.units(CAMPAIGN_ID, {})).toMatchObject({ total: 5 });
    expect((await reader.units(CAMPAIGN_ID, { status: 'pending' })).items.map((u) => u.unitId)).toEqual(['u-4']);
    expect((await reader.units(CAMPAIGN_ID, { status: 'removed' })).items.map((u) => u.unitId)).toEqual(['u-3']);
    expect((await reader.units(CAMPAIGN_ID, { regionId: 'r-east' })).items.map((u) => [u.unitId, u.counters.onTime])).toEqual([
      ['u-1', 1],
      ['u-2', 2],
    ]);
    expect((await reader.units(CAMPAIGN_ID, { regionId: 'r-west', industryId: 'chem' })).items.map((u) => u.unitId)).toEqual(['u-4']);
    expect(await reader.units(CAMPAIGN_ID, { limit: 2, offset: 3 })).toMatchObject({ total: 5, items: [{ unitId: 'u-4' }, { unitId: 'u-5' }] });
    expect(await reader.units(CAMPAIGN_ID, { status: 'closed' })).toEqual({ items: [], total: 0 });
    expect(await reader.units('nope')).toEqual({ items: [], total: 0 });
  });

  it('unitIds(): every unit whose workflow may take a signal, pending included, removed not', async () => {
    expect(await reader.unitIds(CAMPAIGN_ID)).toEqual(['u-1', 'u-2', 'u-4', 'u-5']);
    expect(await reader.unitStatusCounts(CAMPAIGN_ID)).toEqual({ active: 3, pending: 1, removed: 1 });
  });

  it('coverageRows feed the domain coverage matrix', async () => {
    const rows = await reader.coverageRows(CAMPAIGN_ID);
    expect(rows).toEqual([
      { unitId: 'u-1', regionId: 'r-east', industryId: 'chem', inspected: true, reporting: true },
      { unitId: 'u-2', regionId: 'r-east', industryId: 'build', inspected: false, reporting: true },
      // u-3 was removed
      { unitId: 'u-4', regionId: 'r-west', industryId: 'chem', inspected: false, reporting: false },
      { unitId: 'u-5', regionId: 'r-west', industryId: 'build', inspected: false, reporting: false },
    ]);
    const matrix = coverageMatrix({ regions: REGIONS, industries: INDUSTRIES }, rows);
    expect(matrix.unitsInspectedRate).toBe(1 / 4);
    expect(matrix.cells).toContainEqual({ regionId: 'r-east', industryId: 'chem', unitsInScope: 1, unitsInspected: 1, unitsReporting: 1 });
  });
});
