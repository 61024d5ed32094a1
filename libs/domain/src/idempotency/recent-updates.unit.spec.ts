import { describe, expect, it } from 'vitest';
import { isKeyedUpdateId, keyedUpdateId, recallUpdate, RECENT_UPDATE_LIMIT, rememberUpdate, type RecentUpdate } from './recent-updates';

const entry = (n: number, name = 'reportProgress'): RecentUpdate<{ seq: number }> => ({ id: keyedUpdateId(`id-${n}`), name, kept: { seq: n } });

describe('keyed update ids', () => {
  it('tell a key-derived id from one the SDK drew', () => {
    expect(keyedUpdateId('0f6b0c5e-0000-5000-8000-000000000000')).toBe('idempotency:0f6b0c5e-0000-5000-8000-000000000000');
    expect(isKeyedUpdateId(keyedUpdateId('x'))).toBe(true);
    expect(isKeyedUpdateId('0f6b0c5e-1a2b-4c3d-8e9f-000000000000')).toBe(false);
  });
});

describe('the recent-updates window', () => {
  it('recalls an update by id and name only', () => {
    const window = [entry(1), entry(2, 'verify')];
    expect(recallUpdate(window, entry(1).id, 'reportProgress')?.kept).toEqual({ seq: 1 });
    expect(recallUpdate(window, entry(2).id, 'reportProgress')).toBeUndefined();
    expect(recallUpdate(window, entry(3).id, 'reportProgress')).toBeUndefined();
  });

  it(`keeps the newest ${RECENT_UPDATE_LIMIT} and forgets the oldest`, () => {
    let window: Array<RecentUpdate<{ seq: number }>> = [];
    for (let n = 1; n <= RECENT_UPDATE_LIMIT + 5; n++) window = rememberUpdate(window, entry(n));
    expect(window).toHaveLength(RECENT_UPDATE_LIMIT);
    expect(window[0].kept.seq).toBe(6);
    expect(window.at(-1)?.kept.seq).toBe(RECENT_UPDATE_LIMIT + 5);
    expect(recallUpdate(window, entry(5).id, 'reportProgress')).toBeUndefined();
  });

  it('replaces an entry remembered again under the same id, as the newest, and leaves the given window as it was', () => {
    const window = [entry(1), entry(2)];
    const again = rememberUpdate(window, { ...entry(1), kept: { seq: 9 } }, 2);
    expect(again.map((e) => e.kept.seq)).toEqual([2, 9]);
    expect(window.map((e) => e.kept.seq)).toEqual([1, 2]);
  });

  it('refuses a limit that is not a positive count', () => {
    expect(() => rememberUpdate([], entry(1), 0)).toThrow(RangeError);
  });
});
