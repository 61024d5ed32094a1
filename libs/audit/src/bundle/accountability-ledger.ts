import { SYSTEM_ACTOR, type AccountabilityActionState } from '@duban/domain';
import type { AccountabilityFiringRow } from '@duban/persistence';
import type { AuditedEvent } from './audited-event';

/**
 * An accountability action (问责: the summons held, its minutes recorded) as its ledger row keeps
 * it: the firing's row holds the action's state and no events, so a bundle carries this state
 * and verify compares it with the last state the workflow recorded.
 */
export interface AccountabilityLedgerState {
  firingKey: string;
  ruleId: string;
  territoryId: string;
  period: string;
  kind: string | null;
  instrument: string;
  accidentIds: string[];
  firedOn: string;
  status: string;
  openedAt: string;
  due: string;
  overdueAt: string | null;
  heldAt: string | null;
  minutes: string | null;
  recordedBy: { id: string; name: string; role: string } | null;
  recordedAt: string | null;
}

/** What the ledger keeps of the state the workflow recorded (recordAccountabilityAction). */
export function accountabilityAsKept(state: AccountabilityActionState): AccountabilityLedgerState {
  const taken = state.taken;
  return {
    firingKey: state.firingKey,
    ruleId: state.ruleId,
    territoryId: state.territoryId,
    period: state.period,
    kind: state.kind ?? null,
    instrument: state.instrument,
    accidentIds: state.accidentIds,
    firedOn: state.firedOn,
    status: state.status,
    openedAt: state.openedAt,
    due: state.due,
    overdueAt: state.overdueAt ?? null,
    heldAt: taken?.heldAt ?? null,
    minutes: taken?.minutes ?? null,
    recordedBy: taken ? { id: taken.recordedBy.id, name: taken.recordedBy.name, role: taken.recordedBy.role } : null,
    recordedAt: taken?.recordedAt ?? null,
  };
}

/** The same, read from the firing's ledger row. */
export function accountabilityOfRow(row: AccountabilityFiringRow): AccountabilityLedgerState {
  return {
    firingKey: row.firingKey,
    ruleId: row.ruleId,
    territoryId: row.territoryId,
    period: row.period,
    kind: row.kind,
    instrument: row.instrument,
    accidentIds: row.accidentIds,
    firedOn: row.firedOn,
    status: row.status,
    openedAt: row.openedAt,
    due: row.due,
    overdueAt: row.overdueAt,
    heldAt: row.heldAt,
    minutes: row.minutes,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
  };
}

export const ACCOUNTABILITY_TIMELINE_LABELS: Readonly<Record<string, string>> = {
  opened: '问责启动 (accountability action opened: a summons due)',
  overdue: '逾期未办 (overdue: the summons not held by its due date)',
  action_taken: '已约谈并记录纪要 (summons held, minutes recorded)',
};

/** The timeline's rows for an accountability action, read from its kept state: opened, overdue, done. */
export function accountabilityTimeline(kept: AccountabilityLedgerState): AuditedEvent[] {
  const rows: Array<Omit<AuditedEvent, 'seq'>> = [
    {
      type: 'opened',
      at: kept.openedAt,
      actor: SYSTEM_ACTOR,
      reason: `问责规则 ${kept.ruleId} · ${kept.territoryId} · ${kept.period} (firing ${kept.firingKey})`,
      data: { instrument: kept.instrument, due: kept.due, accidentIds: kept.accidentIds.join(', ') },
    },
  ];
  if (kept.overdueAt) rows.push({ type: 'overdue', at: kept.overdueAt, actor: SYSTEM_ACTOR, reason: `due ${kept.due}`, data: { due: kept.due } });
  if (kept.recordedAt && kept.recordedBy)
    rows.push({
      type: 'action_taken',
      at: kept.recordedAt,
      actor: kept.recordedBy,
      reason: `约谈 (held) ${kept.heldAt ?? ''}: ${kept.minutes ?? ''}`,
      data: {},
    });
  return rows.map((row, i) => ({ seq: i + 1, ...row }));
}
