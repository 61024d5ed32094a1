import { describe, expect, it } from 'vitest';
import { drawCovertSample, type SampleCandidate } from './covert-sample';
import { fnv1a32, mulberry32, seededRandom } from './prng';

const regions = ['county-a', 'county-b', 'county-c'];
const industries = ['coal', 'chemicals', null];
const candidates: SampleCandidate[] = Array.from({ length: 30 }, (_, i) => ({
  unitId: `unit-${String(i).padStart(2, '0')}`,
  regionId: regions[i % 3],
  industryId: industries[Math.floor(i / 3) % 3],
}));
/** Another order of the same list (7 and 30 share no factor, so every candidate appears once). */
const shuffled = <T>(list: readonly T[]): T[] => list.map((_, i) => list[(i * 7) % list.length]);

describe('the seeded generator (prng.ts): fixed numbers, so a recorded seed reproduces its sample forever', () => {
  it('hashes seed text with FNV-1a 32 (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('draws the same numbers for the same seed, different ones for another, all in [0, 1)', () => {
    const a = seededRandom('2026-07-暗访-03');
    const b = seededRandom('2026-07-暗访-03');
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom('2026-07-暗访-04')()).not.toBe(xs[0]);
  });

  it('keeps mulberry32’s output fixed (pinned: changing it would change every sample on record)', () => {
    const r = mulberry32(1);
    // mulberry32(1)'s first number is 0.6270739405881613 in the published implementation.
    expect([r(), r(), r()].map((x) => Math.floor(x * 4294967296))).toEqual([2693262067, 11749833, 2265367787]);
  });
});

describe('a covert inspection’s sample (暗访: 随机抽查)', () => {
  it('is reproduced from its seed, whatever order the candidates come in', () => {
    const request = { seed: 'covert-2026-07-05', stratifyBy: 'none' as const, perStratum: 5 };
    const first = drawCovertSample(candidates, request);
    expect(first.unitIds).toHaveLength(5);
    expect(new Set(first.unitIds).size).toBe(5);
    expect(drawCovertSample(shuffled(candidates), request)).toEqual(first);
    expect(drawCovertSample([...candidates].reverse(), request)).toEqual(first);
    expect(drawCovertSample(candidates, { ...request, seed: 'covert-2026-07-06' }).unitIds).not.toEqual(first.unitIds);
  });

  it('draws from every region (各县区), or every region and industry, each its own count', () => {
    const byRegion = drawCovertSample(candidates, { seed: 's', stratifyBy: 'region', perStratum: 2 });
    expect(byRegion.strata.map((s) => [s.key, s.candidates, s.unitIds.length])).toEqual([
      ['county-a', 10, 2],
      ['county-b', 10, 2],
      ['county-c', 10, 2],
    ]);
    for (const stratum of byRegion.strata)
      for (const id of stratum.unitIds) expect(candidates.find((c) => c.unitId === id)?.regionId).toBe(stratum.key);
    const both = drawCovertSample(candidates, { seed: 's', stratifyBy: 'region_industry', perStratum: 50 });
    expect(both.strata).toHaveLength(9);
    expect(both.unitIds.slice().sort()).toEqual(candidates.map((c) => c.unitId));
    expect(drawCovertSample(candidates, { seed: 's', stratifyBy: 'industry', perStratum: 1 }).strata.map((s) => s.key)).toEqual([
      '-',
      'chemicals',
      'coal',
    ]);
  });

  it('refuses an empty scope, a unit listed twice and a count below one', () => {
    expect(() => drawCovertSample([], { seed: 's', stratifyBy: 'none', perStratum: 1 })).toThrow(
      expect.objectContaining({ code: 'covert.sample.no_candidates' }),
    );
    expect(() => drawCovertSample([candidates[0], candidates[0]], { seed: 's', stratifyBy: 'none', perStratum: 1 })).toThrow(
      expect.objectContaining({ code: 'input.duplicate_id' }),
    );
    expect(() => drawCovertSample(candidates, { seed: 's', stratifyBy: 'none', perStratum: 0 })).toThrow(
      expect.objectContaining({ field: 'perStratum' }),
    );
    expect(() => drawCovertSample(candidates, { seed: '', stratifyBy: 'none', perStratum: 1 })).toThrow(expect.objectContaining({ field: 'seed' }));
  });
});
