import type { ReplayReport, RunReplay } from '@duban/audit';

/** One line per replayed run: ok, or how it failed and at which event. */
export function runLine(run: RunReplay): string {
  const head = `${run.ok ? 'ok  ' : 'FAIL'} ${run.workflowId} run ${run.runId} ${run.eventCount} events ${Math.round(run.durationMs)} ms`;
  if (!run.failure) return `${head}\n`;
  const at = run.failure.eventId === undefined ? '' : ` at event ${run.failure.eventId}`;
  return `${head}\n     ${run.failure.kind}${at}: ${run.failure.message}\n`;
}

/** The workflow ids the server does not have, then the totals. */
export function summaryLines(report: ReplayReport): string {
  const missing = report.workflows.filter((w) => w.missing).map((w) => `FAIL ${w.workflowId}: 无此流程 not on the Temporal server\n`);
  const s = report.summary;
  return [
    ...missing,
    `历史 histories ${s.histories}  运行 runs ${s.runs}  事件 events ${s.events}  ` +
      `事件/秒 events/s ${s.eventsPerSecond ?? '-'}  失败 failures ${s.failures}\n`,
    s.failures === 0 ? '全部重放一致 every run replays against the current workflow code\n' : '',
  ].join('');
}
