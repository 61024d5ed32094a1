import { beforeAll, describe, expect, it } from 'vitest';
import { OBLIGATION_KINDS, obligationIdPrefix, parseObligationId, type NewUnitEvent } from '@duban/domain';
import { afternoon, both, enrol, unit, unitActor, unitThen, type Unit } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// The SQL that picks a day's reports and one kind's submissions (campaign-report-reads) must agree
// with the domain's parseObligationId over the same ids: ref ids holding ':' or a date, other
// kinds whose ref ends with the day, neighbouring days.

const CAMPAIGN = 'R-IDS';
const DAYS = ['2026-06-01', '2026-06-02', '2026-06-03'];
const IDS = [
  'report:daily:2026-06-01',
  'report:site:east:2026-06-01', // the ref holds ':'
  'report:daily:2026-06-02',
  'report:2026-06-01:2026-06-03', // the ref is itself a day: the day is what follows the last ':'
  'deliverable:plan-2026-06-01',
  'deliverable:plan:2026-06-01', // not a report, though it ends like one
  'activity:drill:2026-06-01',
];

function submitting(u: Unit, obligationIds: string[]): Unit {
  const events = obligationIds.map((obligationId): NewUnitEvent => ({
    type: 'report_submitted',
    data: { obligationId, onTime: true, zero: false, content: obligationId },
    at: afternoon(0),
    actor: unitActor(u.state.unit.unitId),
    reason: '报送',
  }));
  return both(u, unitThen(u, ...events));
}

describe('report-day and kind matching in SQL agree with parseObligationId', () => {
  const db = useLedgerDatabase('campaign_report_ids');
  let reader: CampaignLedgerReader;
  beforeAll(async () => {
    const writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
    await writer.recordUnit(submitting(enrol(CAMPAIGN, unit('all-ids', 'r-east')), IDS));
    // Submitted only what merely ends with a day: owed that day's report all the same.
    await writer.recordUnit(submitting(enrol(CAMPAIGN, unit('no-report', 'r-east')), ['deliverable:plan:2026-06-01', 'activity:drill:2026-06-01']));
  });

  it.each(DAYS)('reportsForDay(%s) receives exactly the ids the domain reads as that day’s reports', async (day) => {
    const expected = IDS.filter((id) => {
      const parts = parseObligationId(id);
      return parts?.kind === 'report' && parts.day === day;
    });
    expect(expected.length, 'the fixture has a report for every day').toBeGreaterThan(0);
    const status = await reader.reportsForDay(CAMPAIGN, day);
    expect(status.received.map((r) => r.obligationId).sort()).toEqual(expected.sort());
    expect(status.missing).toEqual(['no-report']);
  });

  it.each(OBLIGATION_KINDS)('submissionsFor(obligationIdPrefix(%s)) lists exactly the ids of that kind', async (kind) => {
    const expected = IDS.filter((id) => parseObligationId(id)?.kind === kind);
    const { items } = await reader.submissionsFor(CAMPAIGN, { unitId: 'all-ids', obligationIdPrefix: obligationIdPrefix(kind) });
    expect(items.map((s) => s.obligationId).sort()).toEqual(expected.sort());
    expect(items.every((s) => s.kind === kind)).toBe(true);
  });
});
