import { beforeAll, describe, expect, it } from 'vitest';
import { useLedgerDatabase } from '../testing/ledger-database';
import { orderByOf, reversed, streamByKeyset, type OrderKey } from './keyset-stream';
import { Where } from './where';

// The ledgers' exports read by keyset; some lists order newest first and break ties by id ascending (mixed directions).

describe('keyset streams on PostgreSQL', () => {
  const db = useLedgerDatabase('keyset_stream');
  beforeAll(async () => {
    // 300 rows over 30 instants with microseconds (ten share each), ids in no order of their instants.
    await db.dataSource.query('CREATE TABLE keyset_probe (id varchar PRIMARY KEY, at timestamptz NOT NULL, n integer NOT NULL)');
    await db.dataSource.query(
      `INSERT INTO keyset_probe SELECT md5(i::text), timestamptz '2026-12-03 08:00:00.123456+00' + (i % 30) * interval '1.000001 second', i
         FROM generate_series(1, 300) AS i`,
    );
  });

  const all = async (order: readonly OrderKey[], where = () => new Where()) => {
    const expected: Array<{ id: string }> = await db.dataSource.query(
      `SELECT id FROM keyset_probe ${where()} ORDER BY ${orderByOf(order)}`,
      where().params,
    );
    const streamed: string[] = [];
    for await (const row of streamByKeyset(db.dataSource, { select: 'id', from: 'keyset_probe', where, order }, (r: { id: string }) => r.id, 7)) {
      streamed.push(row);
    }
    return { expected: expected.map((r) => r.id), streamed };
  };

  it.each<[string, OrderKey[]]>([
    ['ascending', [{ column: 'at' }, { column: 'id' }]],
    ['descending', reversed([{ column: 'at' }, { column: 'id' }])],
    ['newest first, ties by id ascending', [{ column: 'at', descending: true }, { column: 'id' }]],
    ['three keys, mixed', [{ column: 'n % 3' }, { column: 'at', descending: true }, { column: 'id' }]],
  ])('reads every row once in the order %s, across pages that end inside a shared instant', async (_name, order) => {
    const { expected, streamed } = await all(order);
    expect(expected).toHaveLength(300);
    expect(streamed).toEqual(expected);
  });

  it('keeps the filter on every page', async () => {
    const { expected, streamed } = await all([{ column: 'at', descending: true }, { column: 'id' }], () => new Where().add('n % 2 = 0'));
    expect(expected).toHaveLength(150);
    expect(streamed).toEqual(expected);
  });
});
