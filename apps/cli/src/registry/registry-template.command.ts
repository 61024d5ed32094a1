import { Command } from 'commander';
import { writeImportTemplate } from '@duban/registry-import';
import type { CliIo } from '../cli-io';

/** `duban registry template <out.xlsx>`: the import template (导入模板), generated from the column layout. */
export function registryTemplateCommand(io: CliIo): Command {
  return new Command('template')
    .description('生成导入模板 write the registry import template (.xlsx, Chinese headers, a guide sheet 填写说明)')
    .argument('<out.xlsx>', 'where to write it')
    .option('--no-examples', 'leave the example rows out')
    .action(async (out: string, options: { examples: boolean }) => {
      await writeImportTemplate(out, { examples: options.examples });
      io.stdout.write(`导入模板已写入 template written: ${out}\n`);
    });
}
