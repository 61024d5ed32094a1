import { SYSTEM_ACTOR, type Actor } from '../actor';
import type { BlacklistPeriod } from './blacklist-rules';
import type { RepeatViolationFiring } from './repeat-violation-rules';
import type { ViolationFact } from './violation-facts';

/** A firing is recorded once: the rule, the enterprise and the acts that triggered it name it. */
export const repeatViolationFiringKey = (firing: Pick<RepeatViolationFiring, 'ruleId' | 'unitId' | 'violationIds'>): string =>
  `${firing.ruleId}:${firing.unitId}:${firing.violationIds.join(',')}`;

/** A firing with the region it belongs to (its last act's case), as the record keeps it. */
export interface RecordedFiring extends RepeatViolationFiring {
  firingKey: string;
  regionId: string;
}

export function recordedFirings(firings: readonly RepeatViolationFiring[], facts: readonly ViolationFact[]): RecordedFiring[] {
  const regionOf = new Map(facts.map((f) => [f.violationId, f.regionId]));
  return firings.map((f) => ({
    ...f,
    firingKey: repeatViolationFiringKey(f),
    regionId: regionOf.get(f.violationIds[f.violationIds.length - 1]) ?? '',
  }));
}

/** 黑名单: one entry or exit, with who recorded it, when and why. */
export interface BlacklistChange {
  changeKey: string;
  ruleId: string;
  unitId: string;
  kind: 'entry' | 'exit';
  onDay: string;
  enteredOn: string;
  violationIds: string[];
  exposure: boolean;
  actor: Actor;
  at: string;
  reason: string;
}

/** Each period's entry, and its exit once on record; keyed so that a later review records neither again. */
export function blacklistChanges(periods: readonly BlacklistPeriod[], now: Date): BlacklistChange[] {
  return periods.flatMap((p) => {
    const base = { ruleId: p.ruleId, unitId: p.unitId, enteredOn: p.enteredOn, exposure: p.exposure, actor: SYSTEM_ACTOR, at: now.toISOString() };
    const key = (kind: string) => `${p.ruleId}:${p.unitId}:${p.enteredOn}:${kind}`;
    const entry: BlacklistChange = {
      ...base,
      changeKey: key('entry'),
      kind: 'entry',
      onDay: p.enteredOn,
      violationIds: p.entryViolationIds,
      reason: `屡纠不改: violations in ${p.entryCaseIds.length} cases (${p.entryCaseIds.join(', ')})${p.exposure ? '; 公开曝光' : ''}`,
    };
    if (!p.exitedOn) return [entry];
    const exit: BlacklistChange = {
      ...base,
      changeKey: key('exit'),
      kind: 'exit',
      onDay: p.exitedOn,
      violationIds: p.whileListed,
      reason: `no violation found from ${p.whileListed.length > 0 ? 'the last while listed' : 'the entry'} until ${p.exitedOn}: off the list`,
    };
    return [entry, exit];
  });
}
