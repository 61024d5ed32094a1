import { beforeAll, describe, expect, it } from 'vitest';
import { unit } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// The campaigns a unit is on (an auditor's export of one unit finds its obligations workflows through them).

describe('campaignIdsOfUnit on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_ids_of_unit');
  let reader: CampaignLedgerReader;
  beforeAll(async () => {
    const writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
    await writer.saveRoster('C-2', [unit('ent-a', 'r-east'), unit('ent-b', 'r-east')]);
    await writer.saveRoster('C-1', [unit('ent-a', 'r-east')]);
    await writer.saveRoster('C-3', [unit('ent-b', 'r-west')]);
  });

  it('answers every campaign whose roster holds the unit, in campaign id order, and none for an unknown unit', async () => {
    expect(await reader.campaignIdsOfUnit('ent-a')).toEqual(['C-1', 'C-2']);
    expect(await reader.campaignIdsOfUnit('ent-b')).toEqual(['C-2', 'C-3']);
    expect(await reader.campaignIdsOfUnit('ent-none')).toEqual([]);
  });
});
