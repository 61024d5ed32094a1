import type { DataSource } from 'typeorm';

/** One statement a reader ran, with its parameters. */
export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

/** A view of `dataSource` whose query() also records each statement, so a test can EXPLAIN exactly what a reader runs. */
export function recordingQueries(dataSource: DataSource): { dataSource: DataSource; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const recording = new Proxy(dataSource, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (sql: string, params: unknown[] = []) => {
        queries.push({ sql, params });
        return target.query(sql, params);
      };
    },
  });
  return { dataSource: recording, queries };
}

/** A node of a plan that reads a table: how (Seq Scan, Index Scan, Bitmap Heap Scan …) and through which index. */
export interface PlanScan {
  node: string;
  relation: string;
  index?: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode, into: PlanScan[] = []): PlanScan[] {
  // A bitmap heap scan reads the table through the bitmap index scans below it.
  const bitmapIndex = node['Node Type'] === 'Bitmap Heap Scan' ? node.Plans?.find((p) => p['Index Name'])?.['Index Name'] : undefined;
  if (node['Relation Name']) into.push({ node: node['Node Type'], relation: node['Relation Name'], index: node['Index Name'] ?? bitmapIndex });
  for (const child of node.Plans ?? []) if (child['Node Type'] !== 'Bitmap Index Scan') scansOf(child, into);
  return into;
}

/**
 * The table reads of `query`'s plan. `seqScan: false` plans it with sequential scans priced out
 * (enable_seqscan off), which shows whether an index CAN serve it whatever the table's size.
 */
export async function planScans(dataSource: DataSource, query: RecordedQuery, options: { seqScan?: boolean } = {}): Promise<PlanScan[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    if (options.seqScan === false) await runner.query('SET LOCAL enable_seqscan = off');
    const [row] = (await runner.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params)) as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>;
    return scansOf(row!['QUERY PLAN'][0]!.Plan);
  } finally {
    await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}

/** Each index of `table` with its definition (pg_indexes.indexdef: columns and partial predicate). */
export async function indexDefinitions(dataSource: DataSource, table: string): Promise<Map<string, string>> {
  const rows = (await dataSource.query('SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1', [table])) as Array<{
    indexname: string;
    indexdef: string;
  }>;
  return new Map(rows.map((r) => [r.indexname, r.indexdef]));
}
