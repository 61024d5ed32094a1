import { Presets, SingleBar } from 'cli-progress';
import type { ImportProgress, ImportProgressListener } from '@duban/registry-import';
import type { CliIo } from '../cli-io';

const PHASE_LABELS = { validate: '检查 validate', write: '写入 write' } as const;

/**
 * A progress bar on stderr, fed by the import's per-batch reports: one bar while the file is
 * checked (its length grows with the rows read: the total is known only at the end) and one
 * while it is written (of the rows checked). cli-progress draws nothing when stderr is no terminal.
 */
export function importProgressBar(io: CliIo): { listener: ImportProgressListener; stop: () => void } {
  let bar: SingleBar | undefined;
  let shown: string | undefined;
  const listener = (progress: ImportProgress) => {
    const key = `${progress.phase}:${progress.kind}`;
    if (key !== shown) {
      bar?.stop();
      bar = new SingleBar(
        {
          stream: io.stderr,
          format: `${PHASE_LABELS[progress.phase]} ${progress.kind.padEnd(8)} [{bar}] {value}/{total} rows | {duration_formatted}`,
          hideCursor: true,
        },
        Presets.shades_classic,
      );
      bar.start(progress.total ?? progress.done, 0);
      shown = key;
    }
    if (progress.total === undefined) bar!.setTotal(progress.done);
    bar!.update(progress.done);
  };
  return { listener, stop: () => bar?.stop() };
}
