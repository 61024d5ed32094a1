import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@duban/domain';
import { enrol, unit, unitThen } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// A closing campaign waits on notices that its units settled, not on a polling timer.

const FALLBACK_MS = 5_000;

/** How long `next` took to resolve, in ms. */
async function timed(wait: Promise<void>): Promise<number> {
  const started = Date.now();
  await wait;
  return Date.now() - started;
}

describe('unit settlement notices on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_unit_settlements');

  it('a unit removed from the campaign wakes its watch at once; an open unit or another campaign does not', async () => {
    const writer = new CampaignLedgerWriter(db.dataSource);
    const reader = new CampaignLedgerReader(db.dataSource);
    const mine = enrol('S-1', unit('s-1', 'r-east', 'chem'));
    const theirs = enrol('S-2', unit('s-9', 'r-east', 'chem'));
    const watch = await reader.watchUnitSettlements('S-1');
    try {
      // Enrolled (open) here, and settled elsewhere: no notice for S-1, the wait runs to the fallback.
      await writer.recordUnit(mine);
      const removedThere = unitThen(theirs, { type: 'removed', data: {}, at: theirs.state.enrolledAt, actor: SYSTEM_ACTOR, reason: '不在范围' });
      await writer.recordUnit({ state: removedThere.state, events: [...theirs.events, ...removedThere.events] });
      expect(await timed(watch.next(300))).toBeGreaterThanOrEqual(290);

      const removed = unitThen(mine, { type: 'removed', data: {}, at: mine.state.enrolledAt, actor: SYSTEM_ACTOR, reason: '不在排查范围' });
      const waiting = watch.next(FALLBACK_MS);
      await writer.recordUnit(removed);
      expect(await timed(waiting)).toBeLessThan(FALLBACK_MS / 2);
      expect(await reader.unitStatusCounts('S-1')).toEqual({ removed: 1 });

      // A notice that came before the wait is not lost: the next wait returns at once.
      await writer.recordUnit(removed);
      await new Promise((r) => setTimeout(r, 200));
      expect(await timed(watch.next(FALLBACK_MS))).toBeLessThan(100);
    } finally {
      await watch.close();
    }
  });
});
