import type { DataSource } from 'typeorm';
import { violationFactsFromEvents, type BlacklistChange, type RecordedFiring, type ViolationFact } from '@duban/domain';

/** A recorded firing or blacklist change as the API lists it. */
export type FiringRow = RecordedFiring & { runId: string; recordedAt: string };
export type BlacklistChangeRow = Omit<BlacklistChange, 'actor'> & { actor: { id: string; name: string; role: string }; runId: string };

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

  /** The firings recorded, newest first, of one unit or region when named. */
  async firings(filter: { unitId?: string; regionId?: string } = {}): Promise<FiringRow[]> {
    const rows: Array<Record<string, never>> = await this.dataSource.query(
      `SELECT * FROM repeat_violation_firing WHERE ($1::varchar IS NULL OR unit_id = $1) AND ($2::varchar IS NULL OR region_id = $2)
        ORDER BY fired_on DESC, firing_key`,
      [filter.unitId ?? null, filter.regionId ?? null],
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

  /** The blacklist's entries and exits (history), oldest first, of one unit when named. */
  async blacklistChanges(filter: { unitId?: string } = {}): Promise<BlacklistChangeRow[]> {
    const rows: Array<Record<string, never>> = await this.dataSource.query(
      `SELECT * FROM blacklist_change WHERE ($1::varchar IS NULL OR unit_id = $1) ORDER BY on_day, unit_id, kind DESC`,
      [filter.unitId ?? null],
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
