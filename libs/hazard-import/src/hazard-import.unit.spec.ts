import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { admitHazardReport, STANDARD_HAZARD_POLICY, type Actor } from '@duban/domain';
import type { HazardLedgerRow } from '@duban/persistence';
import { readXlsxSheets, writeXlsx, type CellValue } from '@duban/spreadsheets';
import { derivedHazardId } from './hazard-row-id';
import { ledgerDeadline } from './ledger-deadline';
import { writeLedgerXlsx } from './ledger-export';
import { EXPORT_INFO_SHEET_NAME, LEDGER_COLUMNS, LEDGER_SHEET_NAME } from './ledger-layout';
import { writeLedgerTemplate } from './ledger-template';
import { parseLedgerRow } from './parse-ledger-row';
import { runHazardImport, type HazardImportPorts } from './run-hazard-import';
import type { LedgerImportRow } from './parse-ledger-row';

const dir = mkdtempSync(path.join(tmpdir(), 'duban-hazard-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

const NOW = new Date('2026-12-03T00:00:00.000Z');
const office: Actor = { id: 'office-1', name: '安委办', role: 'office' };

/** A ledger in memory: what it holds, and the rows the import started (in order). */
function memoryPorts(held: string[] = []): HazardImportPorts & { started: LedgerImportRow[] } {
  const ledger = new Set(held);
  const started: LedgerImportRow[] = [];
  return {
    started,
    existing: async (ids) => new Set(ids.filter((id) => ledger.has(id))),
    admit: async (row) => admitHazardReport(row.report, office, STANDARD_HAZARD_POLICY, NOW),
    start: async (row) => {
      started.push(row);
      ledger.add(row.hazardId);
      return { registered: true };
    },
  };
}

const row = (n: number, over: Record<string, CellValue> = {}): Record<string, CellValue> => ({
  hazardId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  title: `隐患 ${n}`,
  description: '消防通道堵塞',
  location: '仓库',
  industry: '工贸',
  unitId: 'unit-001',
  grade: '一般隐患',
  source: '检查发现',
  finder: '张三',
  deadline: '2026-12-20',
  status: '整改中',
  ...over,
});

async function ledgerFile(name: string, rows: Array<Record<string, CellValue>>, columns = LEDGER_COLUMNS) {
  await writeXlsx(at(name), [{ name: LEDGER_SHEET_NAME, columns, rows }]);
  return { name, path: at(name) };
}

describe('hazard ledger rows (隐患台账)', () => {
  it('reads Chinese words, English values and the export’s cells as a report', () => {
    const { parsed, refusals } = parseLedgerRow({
      row: 2,
      cells: {
        title: 't',
        description: 'd',
        location: 'l',
        industry: 'i',
        unitId: 'u-1',
        grade: '重大',
        source: 'self_inspection',
        finder: 'f',
        deadline: '2030-12-31',
        campaignId: 'c-1',
      },
    });
    expect(refusals).toEqual([]);
    expect(parsed?.report).toEqual({
      title: 't',
      description: 'd',
      location: 'l',
      industry: 'i',
      unitId: 'u-1',
      grade: 'major',
      source: 'self_inspection',
      finder: 'f',
      deadline: '2030-12-31T16:00:00.000Z',
      campaignId: 'c-1',
    });
    expect(parsed?.derivedId).toBe(true);
  });

  it('refuses every cell that does not read, each by its field', () => {
    const { parsed, refusals } = parseLedgerRow({
      row: 3,
      cells: {
        hazardId: 'H-1',
        description: 'd',
        location: 'l',
        industry: 'i',
        unitId: 'u 1',
        grade: '特大隐患',
        source: '检查发现',
        finder: 'f',
        deadline: '下周',
      },
    });
    expect(parsed).toBeUndefined();
    expect(refusals.map((r) => [r.field, r.rejection.code])).toEqual([
      ['title', 'input.required'],
      ['unitId', 'input.malformed_id'],
      ['grade', 'input.not_one_of'],
      ['deadline', 'input.malformed'],
      ['hazardId', 'input.malformed_id'],
    ]);
  });

  it('reads a deadline as an instant: ISO with its zone, a Beijing date and time, or a date (its 24:00 in Beijing)', () => {
    expect(ledgerDeadline('2030-12-31T16:00:00.000Z')).toBe('2030-12-31T16:00:00.000Z');
    expect(ledgerDeadline('2030-12-31T18:00:00+08:00')).toBe('2030-12-31T10:00:00.000Z');
    expect(ledgerDeadline('2030-12-31 18:00')).toBe('2030-12-31T10:00:00.000Z');
    expect(ledgerDeadline('2030-1-5')).toBe('2030-01-05T16:00:00.000Z');
    expect(ledgerDeadline('2030-02-30')).toBeUndefined();
    expect(ledgerDeadline('2030-02-30 08:00')).toBeUndefined();
    expect(ledgerDeadline('2030-02-30T08:00:00Z')).toBeUndefined();
    expect(ledgerDeadline('2030-12-31T18:00')).toBe('2030-12-31T10:00:00.000Z');
    expect(ledgerDeadline('明天')).toBeUndefined();
  });

  it('derives the same UUID from the same report, another from another', () => {
    const report = parseLedgerRow({ row: 2, cells: row(1) as Record<string, string> }).parsed!.report;
    const id = derivedHazardId(report, undefined);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedHazardId({ ...report }, undefined)).toBe(id);
    expect(derivedHazardId({ ...report, finder: '李四' }, undefined)).not.toBe(id);
  });
});

describe('hazard ledger import', () => {
  it('dry-runs a clean file (nothing started), commits it, and a second import starts nothing', async () => {
    const file = await ledgerFile('clean.xlsx', [row(1), row(2), row(3, { hazardId: null })]);
    const ports = memoryPorts();
    const dry = await runHazardImport(file, ports, { dryRun: true });
    expect(dry).toMatchObject({
      format: 'xlsx',
      dryRun: true,
      committed: false,
      errors: [],
      warnings: [],
      counts: { rows: 3, created: 3, existing: 0 },
    });
    expect(ports.started).toEqual([]);

    const commit = await runHazardImport(file, ports, { dryRun: false });
    expect(commit).toMatchObject({ committed: true, errors: [], counts: { rows: 3, created: 3, existing: 0, pending: 0 } });
    expect(ports.started.map((r) => r.hazardId).slice(0, 2)).toEqual([row(1).hazardId, row(2).hazardId]);
    expect(ports.started[0].report).toMatchObject({ grade: 'general', source: 'inspection', deadline: '2026-12-20T16:00:00.000Z' });

    const again = await runHazardImport(file, ports, { dryRun: false });
    expect(again).toMatchObject({ committed: true, counts: { rows: 3, created: 0, existing: 3 } });
    expect(ports.started).toHaveLength(3);
  });

  it('reports every faulty row (row, column, cell, reason zh + en) and starts nothing', async () => {
    const file = await ledgerFile('faulty.xlsx', [
      row(1),
      row(2, { grade: '特大隐患' }),
      row(3, { deadline: '2026-11-01' }),
      row(4, { hazardId: row(1).hazardId }),
      row(5, { title: null, unitId: 'unit 5' }),
    ]);
    const ports = memoryPorts();
    const result = await runHazardImport(file, ports, { dryRun: false });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.cell, e.code])).toEqual([
      [3, '隐患等级', 'G3', 'input.not_one_of'],
      [4, '整改期限', 'J4', 'hazard.deadline.not_in_future'],
      [5, '隐患编号', 'A5', 'input.duplicate_id'],
      [6, '隐患名称', 'B6', 'input.required'],
      [6, '责任单位编号', 'F6', 'input.malformed_id'],
    ]);
    expect(result.errors[0].reason.zh).toContain('取值不在允许范围内');
    expect(result.errors[0].reason.en).toContain('一般隐患 (general), 重大隐患 (major)');
    expect(result.errors[1].reason.zh).toContain('"2026-11-01T16:00:00.000Z"');
    expect(ports.started).toEqual([]);
  });

  it('skips rows the ledger holds without checking them again (an old export’s deadlines have passed)', async () => {
    const file = await ledgerFile('old.xlsx', [row(1, { deadline: '2020-01-01' }), row(2)]);
    const ports = memoryPorts([row(1).hazardId as string]);
    const result = await runHazardImport(file, ports, { dryRun: false });
    expect(result).toMatchObject({ committed: true, errors: [], counts: { rows: 2, created: 1, existing: 1 } });
    expect(ports.started.map((r) => r.row)).toEqual([3]);
  });

  it('stops starting at the first failure, says how many were started, and the same file again completes', async () => {
    const file = await ledgerFile('interrupted.xlsx', [row(1), row(2), row(3), row(4)]);
    const ports = memoryPorts();
    const start = ports.start;
    let calls = 0;
    ports.start = async (r) => {
      if (++calls === 3) throw new Error('Temporal unavailable');
      return start(r);
    };
    const first = await runHazardImport(file, ports, { dryRun: false, concurrency: 1 });
    expect(first.committed).toBe(false);
    expect(first.counts.created).toBe(2);
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]).toMatchObject({ row: 4, code: 'import.write_failed' });
    expect(first.errors[0].reason.zh).toContain('已登记 2 / 4');
    ports.start = start;
    const retry = await runHazardImport(file, ports, { dryRun: false });
    expect(retry).toMatchObject({ committed: true, counts: { created: 2, existing: 2 } });
    expect(new Set(ports.started.map((r) => r.hazardId)).size).toBe(4);
  });

  it('refuses a file without the required columns, or not .xlsx, naming what is wrong', async () => {
    const partial = await ledgerFile('partial.xlsx', [{ title: 'x', 备注: 'y' }], [
      { field: 'title', label: '隐患名称' },
      { field: '备注', label: '备注' },
    ] as never);
    const result = await runHazardImport(partial, memoryPorts(), { dryRun: true });
    expect(result.errors.map((e) => [e.column, e.code])).toContainEqual(['整改期限', 'import.header_missing']);
    expect(result.warnings.map((w) => [w.column, w.code])).toEqual([['备注', 'import.header_unknown']]);
    const csv = await runHazardImport({ name: 'ledger.csv', path: at('ledger.csv') }, memoryPorts(), { dryRun: true });
    expect(csv.errors.map((e) => e.code)).toEqual(['import.file_type']);
  });

  it('imports its own template cleanly', async () => {
    await writeLedgerTemplate(at('template.xlsx'), { now: NOW });
    const ports = memoryPorts();
    const result = await runHazardImport({ name: 'template.xlsx', path: at('template.xlsx') }, ports, { dryRun: false });
    expect(result).toMatchObject({ committed: true, errors: [], warnings: [], counts: { rows: 1, created: 1 } });
    expect(ports.started[0].report.deadline).toBe('2027-01-02T16:00:00.000Z');
  });
});

describe('hazard ledger export', () => {
  const ledgerRow = (n: number): HazardLedgerRow =>
    ({
      hazardId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      workflowId: `hazard-${n}`,
      title: `隐患 ${n}`,
      description: '消防通道堵塞',
      location: '仓库',
      industry: '工贸',
      unitId: 'unit-001',
      grade: 'major',
      source: 'tip_off',
      finder: '张三',
      status: 'rectifying',
      deadline: '2026-12-20T16:00:00.000Z',
      originalDeadline: '2026-12-20T16:00:00.000Z',
      reportedAt: '2026-12-01T02:00:00.000Z',
      reportedBy: { id: 'office-1', name: '安委办', role: 'office' },
      campaignId: null,
      overdue: false,
      listedForSupervision: true,
      listingLevel: 'city',
      lastEscalationInstrument: 'listed_supervision',
      extensionsGranted: 0,
      signedOffAt: null,
      policyId: 'standard',
    }) as unknown as HazardLedgerRow;

  it('writes Chinese headers and words, then what was exported by whom; the file imports back as the same reports', async () => {
    async function* rows() {
      for (let n = 1; n <= 3; n++) yield ledgerRow(n);
    }
    const count = await writeLedgerXlsx(at('export.xlsx'), rows(), {
      filters: [{ label: '隐患等级 (grade)', value: '重大隐患 (major)' }],
      exportedBy: '安委办 (office, office-1)',
      exportedAt: NOW,
    });
    expect(count).toBe(3);
    const sheets: Record<string, string[][]> = {};
    for await (const sheet of readXlsxSheets(at('export.xlsx'))) {
      sheets[sheet.name] = [];
      for await (const r of sheet.rows) sheets[sheet.name].push(r.values);
    }
    expect(Object.keys(sheets)).toEqual([LEDGER_SHEET_NAME, EXPORT_INFO_SHEET_NAME]);
    expect(sheets[LEDGER_SHEET_NAME][0]).toEqual(LEDGER_COLUMNS.map((c) => c.label));
    expect(sheets[LEDGER_SHEET_NAME][1].slice(6, 9)).toEqual(['重大隐患', '举报核查', '张三']);
    expect(sheets[LEDGER_SHEET_NAME][1].slice(12, 16)).toEqual(['整改中', '否', '是', '市级']);
    expect(sheets[EXPORT_INFO_SHEET_NAME].map((r) => r[1])).toEqual([
      '内容 (value)',
      NOW.toISOString(),
      '安委办 (office, office-1)',
      '3',
      '重大隐患 (major)',
    ]);

    const ports = memoryPorts();
    const back = await runHazardImport({ name: 'export.xlsx', path: at('export.xlsx') }, ports, { dryRun: false });
    expect(back).toMatchObject({ committed: true, errors: [], warnings: [], counts: { rows: 3, created: 3 } });
    expect(ports.started[0]).toMatchObject({
      hazardId: ledgerRow(1).hazardId,
      policyId: 'standard',
      report: { grade: 'major', source: 'tip_off', deadline: '2026-12-20T16:00:00.000Z' },
    });
  });
});
