import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  accountabilityActionWorkflowId,
  type AccountabilityActionState,
  type AccountabilityFiring,
  type Actor,
  type ControlIndicator,
  type IndicatorCheck,
} from '@duban/domain';
import { iso } from '../sql/row-values';

export interface PutIndicatorsInput {
  regionId: string;
  year: number;
  /** The region's caps for the year: they replace whatever was set before. */
  indicators: ControlIndicator[];
  setBy: Actor;
  reason: string;
  at: Date;
}

/** What a put came to: the revision that now holds, and whether this put made it. */
export interface PutIndicatorsResult {
  revision: number;
  changed: boolean;
}

export interface RecordReviewInput {
  checks: IndicatorCheck[];
  /** Each firing with its obligation as it opens; an already-recorded firing keeps its own. */
  firings: Array<{ firing: AccountabilityFiring; action: AccountabilityActionState }>;
  checkedAt: Date;
}

export type RecordedAction = Pick<AccountabilityActionState, 'status' | 'openedAt' | 'due'>;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Writes the accident record: caps set by an office, and a review's results from a Temporal
 * activity (at-least-once): checks are upserted per indicator and month, firings inserted once,
 * an obligation's state moves forward only (a done one is never reopened).
 */
export class AccidentRecordWriter {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Puts a region's caps for a year, replacing what was set, and keeps the set as a revision.
   * Safe to retry: the same caps with the same reason as the last revision change nothing (the
   * answer names that revision, `changed: false`). Puts for one region and year run one at a time.
   */
  async putIndicators(input: PutIndicatorsInput): Promise<PutIndicatorsResult> {
    for (const indicator of input.indicators) {
      if (indicator.regionId !== input.regionId || indicator.year !== input.year)
        throw new Error(
          `AccidentRecordWriter: indicator ${indicator.id} is for ${indicator.regionId} ${indicator.year}, not ${input.regionId} ${input.year}`,
        );
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('control_indicator:' || $1 || ':' || $2))`, [input.regionId, input.year]);
      const [last] = await manager.query(
        `SELECT revision, indicators, reason FROM control_indicator_revision WHERE region_id = $1 AND year = $2 ORDER BY revision DESC LIMIT 1`,
        [input.regionId, input.year],
      );
      if (last && last.reason === input.reason && isDeepStrictEqual(last.indicators, JSON.parse(JSON.stringify(input.indicators))))
        return { revision: last.revision as number, changed: false };
      const revision = ((last?.revision as number | undefined) ?? 0) + 1;
      await manager.query(`DELETE FROM control_indicator WHERE region_id = $1 AND year = $2 AND NOT (id = ANY($3::varchar[]))`, [
        input.regionId,
        input.year,
        input.indicators.map((i) => i.id),
      ]);
      for (const i of input.indicators) {
        await manager.query(
          `INSERT INTO control_indicator (id, region_id, year, label, measure, sectors, grades, cap, source, warn_at, set_by_id, set_by_name, set_by_role, set_at, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, measure = EXCLUDED.measure, sectors = EXCLUDED.sectors,
             grades = EXCLUDED.grades, cap = EXCLUDED.cap, source = EXCLUDED.source, warn_at = EXCLUDED.warn_at, set_by_id = EXCLUDED.set_by_id,
             set_by_name = EXCLUDED.set_by_name, set_by_role = EXCLUDED.set_by_role, set_at = EXCLUDED.set_at, reason = EXCLUDED.reason`,
          [
            i.id,
            i.regionId,
            i.year,
            i.label,
            i.measure,
            json(i.sectors),
            json(i.grades),
            i.cap,
            i.source,
            json(i.warnAt),
            input.setBy.id,
            input.setBy.name,
            input.setBy.role,
            input.at,
            input.reason,
          ],
        );
      }
      await manager.query(
        `INSERT INTO control_indicator_revision (region_id, year, revision, indicators, set_by_id, set_by_name, set_by_role, set_at, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          input.regionId,
          input.year,
          revision,
          JSON.stringify(input.indicators),
          input.setBy.id,
          input.setBy.name,
          input.setBy.role,
          input.at,
          input.reason,
        ],
      );
      return { revision, changed: true };
    });
  }

  /** Records a review; answers each firing's obligation as recorded (a new one as given; an earlier one its own status and due date). */
  async recordReview(input: RecordReviewInput): Promise<Record<string, RecordedAction>> {
    return this.dataSource.transaction(async (manager) => {
      for (const c of input.checks) {
        await manager.query(
          `INSERT INTO control_indicator_check (indicator_id, month, region_id, indicator, used, share, status, warning_at, breach, accident_ids, checked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (indicator_id, month) DO UPDATE SET region_id = EXCLUDED.region_id, indicator = EXCLUDED.indicator,
             used = EXCLUDED.used, share = EXCLUDED.share, status = EXCLUDED.status, warning_at = EXCLUDED.warning_at,
             breach = EXCLUDED.breach, accident_ids = EXCLUDED.accident_ids, checked_at = EXCLUDED.checked_at`,
          [
            c.indicator.id,
            c.month,
            c.indicator.regionId,
            json(c.indicator),
            c.used,
            c.share,
            c.status,
            c.warningAt ?? null,
            json(c.breach),
            json(c.accidentIds),
            input.checkedAt,
          ],
        );
      }
      const recorded: Record<string, RecordedAction> = {};
      for (const { firing, action } of input.firings) {
        await manager.query(
          `INSERT INTO accountability_firing (firing_key, rule_id, rule, territory_id, period, kind, instrument, accident_ids, fired_on, workflow_id, status, opened_at, due)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (firing_key) DO NOTHING`,
          [
            action.firingKey,
            firing.ruleId,
            json(firing.rule),
            firing.territoryId,
            firing.period,
            firing.kind ?? null,
            firing.instrument,
            json(firing.accidentIds),
            firing.firedOn,
            accountabilityActionWorkflowId(action.firingKey),
            action.status,
            action.openedAt,
            action.due,
          ],
        );
        const [row] = await manager.query(`SELECT status, opened_at, due FROM accountability_firing WHERE firing_key = $1`, [action.firingKey]);
        recorded[action.firingKey] = { status: row.status, openedAt: iso(row.opened_at), due: iso(row.due) };
      }
      return recorded;
    });
  }

  /** The obligation's state from its workflow; a done obligation is final, an overdue one only moves to done. */
  async recordAction(state: AccountabilityActionState): Promise<void> {
    const taken = state.taken;
    await this.dataSource.query(
      `UPDATE accountability_firing SET status = $2, due = $3, overdue_at = COALESCE($4, overdue_at), held_at = $5, minutes = $6,
         recorded_by_id = $7, recorded_by_name = $8, recorded_by_role = $9, recorded_at = $10, updated_at = now()
       WHERE firing_key = $1 AND status <> 'done' AND NOT (status = 'overdue' AND $2 = 'open')`,
      [
        state.firingKey,
        state.status,
        state.due,
        state.overdueAt ?? null,
        taken?.heldAt ?? null,
        taken?.minutes ?? null,
        taken?.recordedBy.id ?? null,
        taken?.recordedBy.name ?? null,
        taken?.recordedBy.role ?? null,
        taken?.recordedAt ?? null,
      ],
    );
  }
}
