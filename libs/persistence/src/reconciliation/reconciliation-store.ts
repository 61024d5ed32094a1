import type { DataSource } from 'typeorm';
import { clampInt } from '../sql/where';
import { isoOrNull, iso, type Raw } from '../sql/row-values';

/** Who started a run and why (the nightly Schedule: Duban's system actor). */
export interface ReconciliationRunStart {
  runId: string;
  startedAt: string;
  startedBy: { id: string; name: string; role: string };
  reason: string;
}

export interface ReconciliationCounts {
  checked: number;
  drifted: number;
  repaired: number;
}

/** One drifted aggregate of one run. */
export interface ReconciliationDriftInput {
  kind: string;
  aggregateId: string;
  workflowId: string;
  drift: unknown;
  repaired: boolean;
}

export type ReconciliationRunRow = ReconciliationRunStart & ReconciliationCounts & { finishedAt: string | null };
export type ReconciliationDriftRow = ReconciliationDriftInput & { recordedAt: string };

/** Runs a list gives when no limit is asked for, and the most it gives. */
export const RECONCILIATION_RUNS_DEFAULT = 20;
export const RECONCILIATION_RUNS_MAX = 100;

/**
 * The reconciliation reports (台账核对) in PostgreSQL. Every write is repeatable (activities are
 * at-least-once): a run is started once by its id, a drift row is written once per (run, kind,
 * aggregate) and a retry overwrites it with what it found.
 */
export class ReconciliationStore {
  constructor(private readonly dataSource: DataSource) {}

  async startRun(start: ReconciliationRunStart): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO reconciliation_run (run_id, started_at, started_by_id, started_by_name, started_by_role, reason)
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6) ON CONFLICT (run_id) DO NOTHING`,
      [start.runId, start.startedAt, start.startedBy.id, start.startedBy.name, start.startedBy.role, start.reason],
    );
  }

  async recordDrift(runId: string, rows: readonly ReconciliationDriftInput[]): Promise<void> {
    for (const row of rows)
      await this.dataSource.query(
        `INSERT INTO reconciliation_drift (run_id, kind, aggregate_id, workflow_id, drift, repaired) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         ON CONFLICT (run_id, kind, aggregate_id) DO UPDATE SET workflow_id = EXCLUDED.workflow_id, drift = EXCLUDED.drift, repaired = EXCLUDED.repaired`,
        [runId, row.kind, row.aggregateId, row.workflowId, JSON.stringify(row.drift), row.repaired],
      );
  }

  async finishRun(runId: string, finishedAt: string, counts: ReconciliationCounts): Promise<void> {
    await this.dataSource.query(
      `UPDATE reconciliation_run SET finished_at = $2::timestamptz, checked = $3, drifted = $4, repaired = $5 WHERE run_id = $1`,
      [runId, finishedAt, counts.checked, counts.drifted, counts.repaired],
    );
  }

  /** A run with every drift it found, in the order found; undefined when no run has that id. */
  async run(runId: string): Promise<(ReconciliationRunRow & { drift: ReconciliationDriftRow[] }) | undefined> {
    const [row] = await this.dataSource.query(`SELECT * FROM reconciliation_run WHERE run_id = $1`, [runId]);
    if (!row) return undefined;
    const drift: Raw[] = await this.dataSource.query(`SELECT * FROM reconciliation_drift WHERE run_id = $1 ORDER BY id`, [runId]);
    return {
      ...runRow(row),
      drift: drift.map((d) => ({
        kind: d.kind,
        aggregateId: d.aggregate_id,
        workflowId: d.workflow_id,
        drift: d.drift,
        repaired: d.repaired,
        recordedAt: iso(d.recorded_at),
      })),
    };
  }

  /** The latest runs first, at most `limit` (default RECONCILIATION_RUNS_DEFAULT, capped at RECONCILIATION_RUNS_MAX). */
  async runs(limit?: number): Promise<ReconciliationRunRow[]> {
    const size = clampInt(limit, RECONCILIATION_RUNS_DEFAULT, 1, RECONCILIATION_RUNS_MAX);
    const rows: Raw[] = await this.dataSource.query(`SELECT * FROM reconciliation_run ORDER BY started_at DESC, run_id DESC LIMIT $1`, [size]);
    return rows.map(runRow);
  }
}

function runRow(r: Raw): ReconciliationRunRow {
  return {
    runId: r.run_id,
    startedAt: iso(r.started_at),
    finishedAt: isoOrNull(r.finished_at),
    startedBy: { id: r.started_by_id, name: r.started_by_name, role: r.started_by_role },
    reason: r.reason,
    checked: r.checked,
    drifted: r.drifted,
    repaired: r.repaired,
  };
}
