import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliUsageError, type CliIo } from '../cli-io';
import { dubanApi, refusal } from './duban-api';

interface ExportOptions {
  out: string;
  unitId?: string;
  industry?: string;
  grade?: string;
  status?: string;
  overdue?: string;
  listed?: string;
  listingLevel?: string;
  campaignId?: string;
}

/** The options as GET /hazards' query names them (the API checks the values). */
const QUERY: ReadonlyArray<[keyof ExportOptions, string]> = [
  ['unitId', 'unitId'],
  ['industry', 'industry'],
  ['grade', 'grade'],
  ['status', 'status'],
  ['overdue', 'overdue'],
  ['listed', 'listed'],
  ['listingLevel', 'listingLevel'],
  ['campaignId', 'campaignId'],
];

/**
 * `duban hazards export --out FILE [filters]`: GET /hazards/ledger.xlsx with GET /hazards'
 * filters, streamed to FILE as it arrives (a progress bar counts what was received). Exit 0
 * written, 1 refused by the API (the problem printed), 2 usage.
 */
export function hazardExportCommand(io: CliIo): Command {
  return new Command('export')
    .description('导出隐患台账 export the hazard ledger as .xlsx (GET /hazards/ledger.xlsx; DUBAN_API_URL, DUBAN_TOKEN)')
    .requiredOption('--out <file>', 'the .xlsx to write')
    .option('--unit-id <unitId>', '责任单位 (responsible unit)')
    .option('--industry <industry>', '行业 (industry), exact')
    .option('--grade <grade>', '隐患等级: general | major')
    .option('--status <status>', '状态: awaiting_plan | rectifying | awaiting_verification | signed_off')
    .option('--overdue <bool>', '逾期: true | false')
    .option('--listed <bool>', '挂牌督办: true | false')
    .option('--listing-level <level>', '挂牌级别: county | city | province')
    .option('--campaign-id <campaignId>', '专项行动 (campaign)')
    .action(async (options: ExportOptions) => {
      if (!options.out.toLowerCase().endsWith('.xlsx')) throw new CliUsageError(`--out ${options.out}: the file must end in .xlsx`);
      const api = dubanApi(io);
      const query = new URLSearchParams();
      for (const [option, name] of QUERY) if (options[option] !== undefined) query.set(name, options[option]!);
      const res = await api.fetch(`/hazards/ledger.xlsx${query.size > 0 ? `?${query}` : ''}`);
      if (res.status !== 200 || !res.body) {
        io.stderr.write(`导出被拒绝 export refused: ${await refusal(res)}\n`);
        io.exitCode = 1;
        return;
      }
      // The length is unknown while the server still writes: the bar shows what has arrived.
      const bar = new SingleBar(
        { stream: io.stderr, format: '导出 export [{bar}] {value} KB | {duration_formatted}', hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(1, 0);
      let bytes = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          const kb = Math.round(bytes / 1024);
          bar.setTotal(Math.max(kb, 1));
          bar.update(kb);
          done(null, chunk);
        },
      });
      try {
        await pipeline(Readable.fromWeb(res.body as WebReadableStream), counted, createWriteStream(options.out));
      } finally {
        bar.stop();
      }
      io.stdout.write(`隐患台账已导出 ledger written: ${options.out} (${Math.round(bytes / 1024)} KB)\n`);
    });
}
