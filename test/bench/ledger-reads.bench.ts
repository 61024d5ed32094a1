import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLedgerXlsx } from '@duban/hazard-import';
import { HazardLedgerReader, type HazardLedgerFilter, type HazardLedgerRow } from '@duban/persistence';
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

  beforeAll(async () => {
    const seeded = performance.now();
    await seedHazardLedger(db.dataSource, {
      hazards: HAZARDS,
      units: UNITS,
      industries: 20,
      campaignHazards: Math.round(HAZARDS * 0.3),
      campaignId: 'campaign-1',
    });
    console.log(`ledger reads: seeded ${HAZARDS} hazards in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  });

  it(`lists and summarises ${HAZARDS} hazards`, async () => {
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

  it(`exports all ${HAZARDS} hazards as .xlsx (GET /hazards/ledger.xlsx), streamed in bounded memory`, async () => {
    // A full collection before each heap reading, so that the figures are what is live, not what waits to be swept.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapWhile = async <T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> => {
      gc();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
      const started = performance.now();
      const result = await work();
      const ms = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      return { result, ms, peakMb: (peak - before) / 1024 / 1024 };
    };
    let bytes = 0;
    const sink = () => new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.length), done()) });
    const recorder = recordingQueries(db.dataSource);
    const streamed = await heapWhile(() =>
      writeLedgerXlsx(sink(), new HazardLedgerReader(recorder.dataSource).stream({}), { filters: [], exportedBy: 'bench', exportedAt: new Date() }),
    );
    expect(streamed.result).toBe(HAZARDS);
    // Baselines in the same run: the keyset pages the export read, sent raw (what PostgreSQL costs), and
    // the same rows held in memory at once (what a non-streaming export would have to hold before writing).
    const raw = await heapWhile(async () => {
      for (const q of recorder.queries) await db.dataSource.query(q.sql, q.params);
    });
    const held = await heapWhile(async () => {
      const rows: HazardLedgerRow[] = [];
      for await (const row of new HazardLedgerReader(db.dataSource).stream({})) rows.push(row);
      return rows.length;
    });
    const rowsPerSecond = (ms: number) => HAZARDS / (ms / 1000);
    console.log(
      `ledger export: ${HAZARDS} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB of .xlsx in ${(streamed.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rowsPerSecond(streamed.ms))} rows/s; ${recorder.queries.length} keyset pages read raw in ${(raw.ms / 1000).toFixed(1)} s); ` +
        `peak heap growth ${streamed.peakMb.toFixed(1)} MB streamed vs ${held.peakMb.toFixed(1)} MB to hold the rows`,
    );
    reportFigure({
      bench: 'ledger-reads',
      figure: 'export .xlsx rows/s',
      unit: 'rows/s',
      product: rowsPerSecond(streamed.ms),
      baseline: rowsPerSecond(raw.ms),
      ratio: rowsPerSecond(raw.ms) / rowsPerSecond(streamed.ms),
    });
    reportFigure({
      bench: 'ledger-reads',
      figure: 'export .xlsx peak heap growth',
      unit: 'MB',
      product: streamed.peakMb,
      baseline: held.peakMb,
      ratio: streamed.peakMb / held.peakMb,
      goal: '< 1 (never the whole ledger at once)',
    });
    expect(streamed.peakMb).toBeLessThan(held.peakMb);
  });
});
