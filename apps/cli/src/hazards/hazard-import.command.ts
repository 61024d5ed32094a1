import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAME, readLedgerSheet, type HazardImportResult } from '@duban/hazard-import';
import { writeXlsx } from '@duban/spreadsheets';
import { CliUsageError, type CliIo } from '../cli-io';
import { dubanApi, refusal, type DubanApi } from './duban-api';
import { hazardImportReport } from './hazard-import-report';

/** Rows committed per request: the bar moves every few seconds, and a retry repeats little. */
export const IMPORT_CHUNK_ROWS = 200;

function positive(value: string): number {
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows < 1) throw new CliUsageError(`--chunk ${value}: a whole number of rows, at least 1`);
  return rows;
}

async function post(api: DubanApi, file: string, name: string, dryRun: boolean): Promise<HazardImportResult> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), name);
  const res = await api.fetch(`/hazards/imports?dryRun=${dryRun}`, { method: 'POST', body: form });
  if (res.status !== 200 && res.status !== 201) throw new CliUsageError(`导入被拒绝 import refused: ${await refusal(res)}`);
  return (await res.json()) as HazardImportResult;
}

/**
 * `duban hazards import FILE [--dry-run]`: POST /hazards/imports as the token's holder. The whole
 * file is checked first (a dry run on the server: every faulty row reported, nothing started);
 * then, unless --dry-run, it is committed a chunk of rows at a time, each chunk a file of the same
 * layout, so the progress bar follows the hazards started. Every row keeps its 隐患编号 (or the id
 * derived from its content), so chunks are as safe to repeat as the whole file: an interrupted
 * import completes when run again. Exit 0 done, 1 refused rows, 2 usage or the API refused.
 */
export function hazardImportCommand(io: CliIo): Command {
  return new Command('import')
    .description('导入隐患台账 import a hazard ledger .xlsx (the export’s layout; POST /hazards/imports; DUBAN_API_URL, DUBAN_TOKEN)')
    .argument('<file>', '.xlsx in the export’s layout (see `duban hazards template`)')
    .option('--dry-run', '试运行: check every row and report, start nothing')
    .option('--chunk <rows>', 'rows committed per request', (value) => positive(value), IMPORT_CHUNK_ROWS)
    .action(async (file: string, options: { dryRun?: boolean; chunk: number }) => {
      const api = dubanApi(io);
      const name = path.basename(file);
      const checked = await post(api, file, name, true);
      if (options.dryRun || checked.errors.length > 0 || checked.counts.created === 0) {
        const nothingToDo = !options.dryRun && checked.errors.length === 0;
        io.stdout.write(hazardImportReport({ ...checked, committed: nothingToDo, dryRun: !nothingToDo }));
        if (checked.errors.length > 0) io.exitCode = 1;
        return;
      }
      const sheet = await readLedgerSheet(file);
      const dir = await mkdtemp(path.join(tmpdir(), 'duban-hazard-import-'));
      const bar = new SingleBar(
        { stream: io.stderr, format: '登记 start [{bar}] {value}/{total} rows | {duration_formatted}', hideCursor: true },
        Presets.shades_classic,
      );
      const total = { rows: 0, created: 0, existing: 0, pending: 0 };
      bar.start(sheet.rows.length, 0);
      try {
        for (let start = 0; start < sheet.rows.length; start += options.chunk) {
          const rows = sheet.rows.slice(start, start + options.chunk);
          const chunk = path.join(dir, `${start}.xlsx`);
          await writeXlsx(chunk, [{ name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows: rows.map((row) => row.cells) }]);
          const result = await post(api, chunk, name, false);
          for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += result.counts[key];
          if (result.errors.length > 0) {
            bar.stop();
            // Back to the file's own rows: the chunk's row 2 is this chunk's first row.
            const errors = result.errors.map((e) => ({ ...e, sheet: sheet.name, row: e.row >= 2 ? rows[e.row - 2]!.row : e.row, cell: undefined }));
            io.stdout.write(hazardImportReport({ ...result, counts: total, errors, dryRun: false }));
            io.exitCode = 1;
            return;
          }
          bar.update(Math.min(start + rows.length, sheet.rows.length));
        }
      } finally {
        bar.stop();
        await rm(dir, { recursive: true, force: true });
      }
      io.stdout.write(hazardImportReport({ committed: true, dryRun: false, counts: total, errors: [], warnings: checked.warnings }));
    });
}
