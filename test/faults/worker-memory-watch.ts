import { readFileSync } from 'node:fs';

/** A process's resident set in MB from /proc (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/**
 * The highest RSS any worker reached while a fault ran, sampled every `everyMs` over whichever
 * worker processes are alive (a killed worker's successor is a new pid): the figure the memory
 * budget is about, which a reading at the end would miss.
 */
export function watchWorkerMemory(pids: () => number[], everyMs = 500): { stop(): number } {
  let peak = 0;
  const sample = () => {
    for (const pid of pids()) peak = Math.max(peak, rssMb(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
