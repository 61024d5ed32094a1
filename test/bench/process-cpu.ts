import { readdirSync, readFileSync } from 'node:fs';

/** The processes a bench on the dev server runs on, grouped as the capacity model counts them. */
export type CpuGroup = 'bench process (API + worker + client)' | 'Temporal server' | 'PostgreSQL';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime + cutime + cstime of a pid from /proc/<pid>/stat, in ms (a reaped child's time is in its parent's cutime). */
function procCpuMs(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'; utime is field 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function groupOf(pid: string): CpuGroup | undefined {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    if (/\btemporal\b.*\bserver start-dev\b/.test(cmdline)) return 'Temporal server';
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') return 'PostgreSQL';
  } catch {
    // gone between the listing and the read
  }
  return undefined;
}

/**
 * CPU time used so far, in ms, by this process (the API, the workers and the bench's clients) and
 * by every Temporal dev server and PostgreSQL process on the machine: the difference of two
 * snapshots is what a phase cost each part. Meaningful on a machine where only this bench's
 * servers run (another test run's servers would count too).
 */
export function cpuSnapshot(): Record<CpuGroup, number> {
  const own = process.cpuUsage();
  const totals: Record<CpuGroup, number> = {
    'bench process (API + worker + client)': (own.user + own.system) / 1000,
    'Temporal server': 0,
    PostgreSQL: 0,
  };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const group = pid === String(process.pid) ? undefined : groupOf(pid);
    if (group) totals[group] += procCpuMs(pid);
  }
  return totals;
}

/** `after − before`, per group. */
export function cpuSpent(before: Record<CpuGroup, number>, after: Record<CpuGroup, number>): Record<CpuGroup, number> {
  return Object.fromEntries(Object.entries(after).map(([group, ms]) => [group, ms - before[group as CpuGroup]])) as Record<CpuGroup, number>;
}
