import path from 'node:path';
import { Command } from 'commander';
import { layoutForSheet, runRegistryImport, type ImportKind } from '@duban/registry-import';
import { CliUsageError, type CliIo } from '../cli-io';
import { importReport } from './import-report';
import { importProgressBar } from './import-progress-bar';
import { openRegistryDatabase, operatorActor } from './registry-database';

interface ImportOptions {
  dryRun?: boolean;
  actor?: string;
  reason?: string;
  kind?: string;
}

/**
 * `duban registry import <file> [--dry-run] [--actor <name>]`: the same import as POST
 * /registry/imports, straight against PostgreSQL (DATABASE_URL), as an operator tool. Exit code
 * 0 when the file was written (or a dry run found nothing wrong), 1 when any row was refused.
 */
export function registryImportCommand(io: CliIo): Command {
  return new Command('import')
    .description('导入单位库 import the registry from an .xlsx or .csv file: all rows in one transaction, or none')
    .argument('<file>', '.xlsx (sheets 属地, 行业, 单位, 责任人) or .csv (one kind; see `duban registry template`)')
    .option('--dry-run', '试运行: check every row and report, write nothing')
    .option('--actor <name>', 'who imports (recorded as changed_by, role office)', io.env.USER ?? 'operator')
    .option('--reason <text>', 'why (recorded on every version written); default: the file name')
    .option('--kind <kind>', 'what a .csv holds when its name and header do not say: units, people, regions or industries')
    .action(async (file: string, options: ImportOptions) => {
      const csvKind = options.kind === undefined ? undefined : kindOf(options.kind);
      const actor = operatorActor(options.actor ?? 'operator');
      const reason = options.reason ?? `导入 import of ${path.basename(file)}`;
      const database = await openRegistryDatabase(io, { actor, reason });
      const progress = importProgressBar(io);
      try {
        const result = await runRegistryImport({ name: file, path: file, ...(csvKind ? { csvKind } : {}) }, database.store, {
          dryRun: options.dryRun === true,
          onProgress: progress.listener,
        });
        progress.stop();
        io.stdout.write(importReport(result));
        if (result.errors.length > 0) io.exitCode = 1;
      } finally {
        progress.stop();
        await database.close();
      }
    });
}

function kindOf(name: string): ImportKind {
  const layout = layoutForSheet(name) ?? layoutForSheet(`${name}s`) ?? (name === 'person' ? layoutForSheet('people') : undefined);
  if (!layout) throw new CliUsageError(`--kind ${name}: expected units, people, regions or industries`);
  return layout.kind;
}
