import type { DataSource } from 'typeorm';
import { violationFactsFromEvents, type BlacklistChange, type ListBounds, type RecordedFiring, type ViolationFact } from '@duban/domain';
import { Where } from '../sql/where';
import { regionAtOrBelowSql } from './region-within-sql';

/** A recorded firing or blacklist change as the API lists it. */
export type FiringRow = RecordedFiring & { runId: string; recordedAt: string };
export type BlacklistChangeRow = Omit<BlacklistChange, 'actor'> & { actor: { id: string; name: string; role: string }; runId: string };

/** Which recorded rows a read wants; every filter present applies. */
export interface EnforcementRecordFilter {
  unitId?: string;
  /** Firings only: of this region (its case's) or one below it in the registry. */
  regionId?: string;
  /** The reader's bounds (listBounds), on the registry's place of each row's unit: territory, industry, own unit. */
  bounds?: ListBounds;
  /** Only these rows, by key (what one review run found). */
  keys?: readonly string[];
}

/**
 * The rules over the enforcement record, in PostgreSQL: the violation facts read from the
 * enforcement ledger's events, and the firings and blacklist changes a review found, each inserted
 * once by its key (a review retried, or run again the next day, records nothing twice).
 */
export class EnforcementRecordStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Every violation in the enforcement ledger (立案 and recorded later), with its case's unit and region. */
  async violationFacts(): Promise<ViolationFact[]> {
    const rows: Array<{ case_id: string; unit_id: string; type: string; data: unknown }> = await this.dataSource.query(
      `SELECT e.case_id, l.unit_id, e.type, e.data FROM enforcement_event e JOIN enforcement_case_ledger l ON l.case_id = e.case_id
        WHERE e.type IN ('opened', 'violation_recorded') ORDER BY e.case_id, e.seq`,
    );
    return violationFactsFromEvents(rows.map((r) => ({ caseId: r.case_id, unitId: r.unit_id, type: r.type, data: r.data }) as never));
  }

  /** Records what a review found; answers the keys it recorded for the first time. */
  async record(input: { runId: string; firings: RecordedFiring[]; changes: BlacklistChange[] }): Promise<{ firings: string[]; changes: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const firings: string[] = [];
      for (const f of input.firings) {
        const inserted = await manager.query(
          `INSERT INTO repeat_violation_firing (firing_key, rule_id, unit_id, region_id, violation_ids, case_ids, window_from, window_to, fired_on, measure, accountable, run_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (firing_key) DO NOTHING RETURNING firing_key`,
          [
            f.firingKey,
            f.ruleId,
            f.unitId,
            f.regionId,
            JSON.stringify(f.violationIds),
            JSON.stringify(f.caseIds),
            f.windowFrom,
            f.windowTo,
            f.firedOn,
            f.measure,
            f.accountable,
            input.runId,
          ],
        );
        if (inserted.length > 0) firings.push(f.firingKey);
      }
      const changes: string[] = [];
      for (const c of input.changes) {
        const inserted = await manager.query(
          `INSERT INTO blacklist_change (change_key, rule_id, unit_id, kind, on_day, entered_on, violation_ids, exposure, actor_id, actor_name, actor_role, at, reason, run_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (change_key) DO NOTHING RETURNING change_key`,
          [
            c.changeKey,
            c.ruleId,
            c.unitId,
            c.kind,
            c.onDay,
            c.enteredOn,
            JSON.stringify(c.violationIds),
            c.exposure,
            c.actor.id,
            c.actor.name,
            c.actor.role,
            c.at,
            c.reason,
            input.runId,
          ],
        );
        if (inserted.length > 0) changes.push(c.changeKey);
      }
      return { firings, changes };
    });
  }

  /** The firings recorded, newest first, that `filter` lets through. */
  async firings(filter: EnforcementRecordFilter = {}): Promise<FiringRow[]> {
    const where = new Where().equals('unit_id', filter.unitId).oneOf('firing_key', filter.keys).withinBounds('unit_id', filter.bounds);
    if (filter.regionId !== undefined) where.add(regionAtOrBelowSql('region_id', filter.regionId, where));
    const rows: Array<Record<string, never>> = await this.dataSource.query(
      `SELECT * FROM repeat_violation_firing ${where} ORDER BY fired_on DESC, firing_key`,
      where.params,
    );
    return rows.map((r) => ({
      firingKey: r.firing_key,
      ruleId: r.rule_id,
      unitId: r.unit_id,
      regionId: r.region_id,
      violationIds: r.violation_ids,
      caseIds: r.case_ids,
      windowFrom: r.window_from,
      windowTo: r.window_to,
      firedOn: r.fired_on,
      measure: r.measure,
      accountable: r.accountable,
      runId: r.run_id,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }

  /** The blacklist's entries and exits (history), oldest first, that `filter` lets through (`regionId` is for firings). */
  async blacklistChanges(filter: Omit<EnforcementRecordFilter, 'regionId'> = {}): Promise<BlacklistChangeRow[]> {
    const where = new Where().equals('unit_id', filter.unitId).oneOf('change_key', filter.keys).withinBounds('unit_id', filter.bounds);
    const rows: Array<Record<string, never>> = await this.dataSource.query(
      `SELECT * FROM blacklist_change ${where} ORDER BY on_day, unit_id, kind DESC`,
      where.params,
    );
    return rows.map((r) => ({
      changeKey: r.change_key,
      ruleId: r.rule_id,
      unitId: r.unit_id,
      kind: r.kind,
      onDay: r.on_day,
      enteredOn: r.entered_on,
      violationIds: r.violation_ids,
      exposure: r.exposure,
      actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
      at: new Date(r.at).toISOString(),
      reason: r.reason,
      runId: r.run_id,
    }));
  }
}
