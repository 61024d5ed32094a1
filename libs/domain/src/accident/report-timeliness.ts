import { firstReceipt, type ChainReceipt, type ReportingObligation } from './reporting-chain';

/** How one level's report stands at a given moment. */
export type ReportTimeliness = 'on_time' | 'late' | 'missing' | 'pending';

export const REPORT_TIMELINESS_LABELS: Record<ReportTimeliness, string> = {
  on_time: '按时报告 (on time)',
  late: '迟报 (late)',
  missing: '漏报 (missing: deadline passed, nothing received)',
  pending: '未到期 (not yet due)',
};

export interface ClassifiedReport {
  obligation: ReportingObligation;
  timeliness: ReportTimeliness;
  receivedAt?: string;
  /** For a late report: how long after the deadline it came, in whole minutes. */
  lateByMinutes?: number;
  /** For a step that allows a phone call first: whether the written report has come too. */
  writtenReceived?: boolean;
}

const MINUTE_MS = 60_000;

/**
 * Each obligation's report at `now`: on time, late (迟报, by how much), missing (漏报: the
 * deadline has passed and nothing came — it turns late if the report comes after) or pending.
 */
export function classifyReports(obligations: readonly ReportingObligation[], receipts: readonly ChainReceipt[], now: Date): ClassifiedReport[] {
  return obligations.map((obligation) => {
    const deadline = new Date(obligation.deadline);
    const receipt = firstReceipt(receipts, obligation.stepId);
    const written =
      obligation.channel === 'phone_then_written'
        ? { writtenReceived: receipts.some((r) => r.stepId === obligation.stepId && r.channel === 'written') }
        : {};
    if (!receipt || new Date(receipt.receivedAt) > now) return { obligation, timeliness: now > deadline ? 'missing' : 'pending', ...written };
    const receivedAt = new Date(receipt.receivedAt);
    if (receivedAt <= deadline) return { obligation, timeliness: 'on_time', receivedAt: receipt.receivedAt, ...written };
    const lateByMinutes = Math.ceil((receivedAt.getTime() - deadline.getTime()) / MINUTE_MS);
    return { obligation, timeliness: 'late', receivedAt: receipt.receivedAt, lateByMinutes, ...written };
  });
}
