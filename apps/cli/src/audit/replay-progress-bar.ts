import { Presets, SingleBar } from 'cli-progress';
import type { ReplayProgress } from '@duban/audit';
import type { CliIo } from '../cli-io';

const PHASE_LABELS = { fetch: '读取 fetch ', replay: '重放 replay' } as const;

/**
 * A bar on stderr for a replay: one while the histories are fetched (per workflow id), one while
 * their runs replay. cli-progress draws nothing when stderr is no terminal.
 */
export function replayProgressBar(io: CliIo): { listener: (progress: ReplayProgress) => void; stop: () => void } {
  let bar: SingleBar | undefined;
  let shown: ReplayProgress['phase'] | undefined;
  const listener = (progress: ReplayProgress) => {
    if (progress.phase !== shown) {
      bar?.stop();
      const unit = progress.phase === 'fetch' ? 'workflows' : 'runs';
      bar = new SingleBar(
        { stream: io.stderr, format: `${PHASE_LABELS[progress.phase]} [{bar}] {value}/{total} ${unit} | {duration_formatted}`, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(progress.total, 0);
      shown = progress.phase;
    }
    bar!.update(progress.done);
  };
  return { listener, stop: () => bar?.stop() };
}
