import { describe, expect, it } from 'vitest';
import { HazardLedgerReader, type HazardLedgerFilter } from '@duban/persistence';
import { seedHazardLedger, seededIndustry, seededUnitId } from '../../libs/persistence/src/testing/hazard-ledger-seed';
import { useLedgerDatabase } from '../../libs/persistence/src/testing/ledger-database';
import { planScans, recordingQueries, type RecordedQuery } from '../../libs/persistence/src/testing/query-plans';
import { quantile, reportFigure } from './bench-figures';

/**
 * Ledger reads at a province's scale: GET /hazards' list and summary through HazardLedgerReader
 * over DUBAN_BENCH_LEDGER_HAZARDS hazards (default 100,000; 10,000 units; a campaign holding 30%),
 * each shape timed against the same statements sent raw through the same pool (the baseline:
 * what the reader adds is its mapping), interleaved. Each shape's plan as the planner chooses it
 * at this size is printed: a Seq Scan on hazard_ledger is named.
 */
const HAZARDS = Number(process.env.DUBAN_BENCH_LEDGER_HAZARDS ?? 100_000);
const UNITS = 10_000;
const SAMPLES = Number(process.env.DUBAN_BENCH_LEDGER_SAMPLES ?? 60);

type Read = (reader: HazardLedgerReader, i: number) => Promise<unknown>;
const list =
  (filter: (i: number) => HazardLedgerFilter): Read =>
  (reader, i) =>
    reader.list(filter(i));
const SHAPES: Array<[string, Read]> = [
  ['list, no filter (first page)', list(() => ({}))],
  ['list, page 100 (offset 5,000)', list(() => ({ offset: 5_000 }))],
  ['list by unitId', list((i) => ({ unitId: seededUnitId((i * 7919) % UNITS) }))],
  ['list by industry', list((i) => ({ industry: seededIndustry(i % 20) }))],
  ['list by status + grade', list(() => ({ status: 'rectifying', grade: 'major' }))],
  ['list overdue', list(() => ({ overdue: true }))],
  ['list listed for supervision', list(() => ({ listedForSupervision: true }))],
  ['list by campaign (10,000 units)', list(() => ({ campaignId: 'campaign-1' }))],
  ['summary, whole ledger', (reader) => reader.summary({})],
  ['summary of the campaign', (reader) => reader.summary({ campaignId: 'campaign-1' })],
  ['summary of a unit', (reader, i) => reader.summary({ unitId: seededUnitId((i * 7919) % UNITS) })],
];

describe('ledger reads at scale', () => {
  const db = useLedgerDatabase('bench_ledger_reads');

  it(`lists and summarises ${HAZARDS} hazards`, async () => {
    const seeded = performance.now();
    await seedHazardLedger(db.dataSource, {
      hazards: HAZARDS,
      units: UNITS,
      industries: 20,
      campaignHazards: Math.round(HAZARDS * 0.3),
      campaignId: 'campaign-1',
    });
    console.log(`ledger reads: seeded ${HAZARDS} hazards in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    for (const [name, read] of SHAPES) {
      const product: number[] = [];
      const raw: number[] = [];
      let statements: RecordedQuery[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const recorder = recordingQueries(db.dataSource);
        let started = performance.now();
        await read(new HazardLedgerReader(recorder.dataSource), i);
        product.push(performance.now() - started);
        statements = recorder.queries;
        // The baseline: the very statements, sent raw, as the reader sends them (side by side).
        started = performance.now();
        await Promise.all(statements.map((q) => db.dataSource.query(q.sql, q.params)));
        raw.push(performance.now() - started);
      }
      const scans = (await Promise.all(statements.map((q) => planScans(db.dataSource, q)))).flat().filter((s) => s.relation === 'hazard_ledger');
      const plan = scans.map((s) => `${s.node}${s.index ? ` ${s.index}` : ''}`).join(' + ');
      console.log(`ledger reads · ${name}: p50 ${quantile(product, 0.5).toFixed(1)} ms, p99 ${quantile(product, 0.99).toFixed(1)} ms; plan: ${plan}`);
      reportFigure({
        bench: 'ledger-reads',
        figure: `${name} p99`,
        unit: 'ms',
        product: quantile(product, 0.99),
        baseline: quantile(raw, 0.99),
        ratio: quantile(product, 0.99) / quantile(raw, 0.99),
      });
      expect(product).toHaveLength(SAMPLES);
    }
  });
});
