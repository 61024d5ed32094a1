import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScopeUnit } from '@duban/domain';
import { unit } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// The roster: bulk saves (a 3,000-unit campaign), stable paging, appends.

describe('campaign roster on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_roster');
  let writer: CampaignLedgerWriter;
  let reader: CampaignLedgerReader;
  beforeAll(() => {
    writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
  });
  const count = db.count;

  const regions = ['r-east', 'r-west', 'r-north'];
  const industries = ['chem', 'build', undefined];
  const big = Array.from({ length: 3_000 }, (_, i) => unit(`ent-${String(i).padStart(4, '0')}`, regions[i % 3]!, industries[(i % 7) % 3]));
  // Not in id order, so that the roster order is visibly the launch order.
  big.reverse();

  it('saveRoster of 3,000 units, twice: 3,000 rows (batched multi-row inserts)', async () => {
    const t0 = performance.now();
    expect(await writer.saveRoster('R-BIG', big)).toBe(3_000);
    const t1 = performance.now();
    expect(await writer.saveRoster('R-BIG', big)).toBe(3_000);
    const t2 = performance.now();
    console.log(`[campaign ledger] saveRoster, 3,000 units: ${(t1 - t0).toFixed(0)} ms first, ${(t2 - t1).toFixed(0)} ms again (all ignored)`);
    expect(await count(`campaign_unit WHERE campaign_id = 'R-BIG'`)).toBe(3_000);
    expect(await count(`campaign_unit WHERE campaign_id = 'R-BIG' AND status = 'pending' AND version = 0 AND due = 0 AND hazard_ids = '[]'`)).toBe(
      3_000,
    );
    expect(t1 - t0).toBeLessThan(10_000); // a generous guard: it takes well under a second
  });

  it('loadRosterPage: pages in launch order, stable across reads, covering the roster once', async () => {
    const read = async (limit: number) => {
      const all: ScopeUnit[] = [];
      for (let offset = 0; ; offset += limit) {
        const page = await reader.loadRosterPage('R-BIG', offset, limit);
        all.push(...page);
        if (page.length < limit) return all;
      }
    };
    const by500 = await read(500);
    expect(by500).toEqual(big); // ScopeUnits as given: no industryId key where there is none
    expect(await read(333)).toEqual(big);
    expect(await reader.loadRosterPage('R-BIG', 2_990, 500)).toEqual(big.slice(2_990));
    expect(await reader.loadRosterPage('R-BIG', 3_000, 500)).toEqual([]);
    expect(await reader.loadRosterPage('nope', 0, 10)).toEqual([]);
    await expect(reader.loadRosterPage('R-BIG', 0, 0)).rejects.toThrow(RangeError);
    await expect(reader.loadRosterPage('R-BIG', 0, 50_000)).rejects.toThrow(/1\.\.5000/); // refused, not clamped
    await expect(reader.loadRosterPage('R-BIG', -1, 10)).rejects.toThrow(RangeError);
    expect((await reader.unitIds('R-BIG')).slice(0, 3)).toEqual(big.slice(0, 3).map((u) => u.unitId));
  });

  it('without startIndex units are appended; a unit already there keeps its place', async () => {
    const [a, b, c] = [unit('a', 'r-east'), unit('b', 'r-east'), unit('c', 'r-west')];
    expect(await writer.saveRoster('R-APPEND', [b, a])).toBe(2);
    expect(await writer.saveRoster('R-APPEND', [a, c])).toBe(3);
    expect((await reader.loadRosterPage('R-APPEND', 0, 10)).map((u) => u.unitId)).toEqual(['b', 'a', 'c']);
    expect((await reader.units('R-APPEND')).items.map((u) => [u.unitId, u.rosterIndex])).toEqual([
      ['b', 0],
      ['a', 1],
      ['c', 3],
    ]);
    expect(await writer.saveRoster('R-APPEND', [])).toBe(3);

    // With explicit positions, chunks may be saved in any order.
    expect(await writer.saveRoster('R-CHUNKS', [c], 2)).toBe(1);
    expect(await writer.saveRoster('R-CHUNKS', [a, b], 0)).toBe(3);
    expect((await reader.loadRosterPage('R-CHUNKS', 0, 10)).map((u) => u.unitId)).toEqual(['a', 'b', 'c']);
    await expect(writer.saveRoster('R-CHUNKS', [a], -1)).rejects.toThrow(/startIndex/);
  });
});
