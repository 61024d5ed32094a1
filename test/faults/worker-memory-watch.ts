import { readFileSync } from 'node:fs';

/** A process's resident set in MB from /proc (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The peak RSS of each named process, sampled every `everyMs` (a restarted process is a new pid under the same name). */
export function watchProcessMemory(processes: () => Record<string, number>, everyMs = 500): { stop(): Record<string, number> } {
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(processes())) peaks[name] = Math.max(peaks[name] ?? 0, rssMb(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/**
 * The highest RSS any worker reached while a fault ran, sampled every `everyMs` over whichever
 * worker processes are alive (a killed worker's successor is a new pid): the figure the memory
 * budget is about, which a reading at the end would miss.
 */
export function watchWorkerMemory(pids: () => number[], everyMs = 500): { stop(): number } {
  const watch = watchProcessMemory(() => Object.fromEntries(pids().map((pid) => [String(pid), pid])), everyMs);
  return { stop: () => Math.max(0, ...Object.values(watch.stop())) };
}
