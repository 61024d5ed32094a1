import { describe, expect, it } from 'vitest';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from '@duban/domain';
import { SqlCampaignTemplateStore } from './campaign-template-store';

describe('SqlCampaignTemplateStore', () => {
  function fakeDb(rows: unknown[]) {
    const calls: Array<{ sql: string; params?: unknown[] }> = [];
    return {
      calls,
      query: async (sql: string, params?: unknown[]) => {
        calls.push({ sql, params });
        return rows;
      },
    };
  }

  it('inserts into campaign_template without overwriting, JSON as jsonb, and reads rows back', async () => {
    const createdAt = new Date('2026-03-02T08:00:00.000Z');
    const db = fakeDb([{ template_id: 'x', template: HUNDRED_DAY_DRIVE_TEMPLATE, created_by: 'o-1', created_at: createdAt }]);
    const store = new SqlCampaignTemplateStore(db);
    const stored = await store.insert(HUNDRED_DAY_DRIVE_TEMPLATE, { id: 'o-1', name: '李四', role: 'office' });
    expect(stored).toEqual({ template: HUNDRED_DAY_DRIVE_TEMPLATE, createdBy: 'o-1', createdAt: createdAt.toISOString() });
    expect(db.calls[0].sql).toMatch(
      /INSERT INTO campaign_template \(template_id, template, created_by\) VALUES \(\$1, \$2::jsonb, \$3\)\s+ON CONFLICT \(template_id\) DO NOTHING/,
    );
    expect(db.calls[0].params).toEqual(['hundred-day-drive', JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE), 'o-1']);
    expect(await store.get('x')).toMatchObject({ createdBy: 'o-1' });
    expect(db.calls[1]).toMatchObject({ params: ['x'] });
  });

  it('answers undefined when the id is taken (no row returned)', async () => {
    const store = new SqlCampaignTemplateStore(fakeDb([]));
    expect(await store.insert(HUNDRED_DAY_DRIVE_TEMPLATE, { id: 'o', name: 'n', role: 'office' })).toBeUndefined();
    expect(await store.get('nope')).toBeUndefined();
  });
});
