import { Command } from 'commander';
import { writeLedgerTemplate } from '@duban/hazard-import';
import type { CliIo } from '../cli-io';

/** `duban hazards template <out.xlsx>`: the import template, the export's layout (as GET /hazards/imports/template.xlsx serves it). */
export function hazardTemplateCommand(io: CliIo): Command {
  return new Command('template')
    .description('生成隐患台账导入模板 write the hazard ledger import template (.xlsx, the export’s layout, a guide sheet 填写说明)')
    .argument('<out.xlsx>', 'where to write it')
    .option('--no-examples', 'leave the example row out')
    .action(async (out: string, options: { examples: boolean }) => {
      await writeLedgerTemplate(out, { examples: options.examples });
      io.stdout.write(`导入模板已写入 template written: ${out}\n`);
    });
}
