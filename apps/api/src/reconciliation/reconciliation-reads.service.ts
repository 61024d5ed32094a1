import { Injectable, NotFoundException } from '@nestjs/common';
import { authorizeReconciliationAction, reconciliationDriftType, type Actor, type ReconciliationDriftType } from '@duban/domain';
import { ReconciliationStore, type ReconciliationDriftRow, type ReconciliationRunRow } from '@duban/persistence';

export type ReconciliationReport = ReconciliationRunRow & { drift: Array<ReconciliationDriftRow & { driftType: ReconciliationDriftType }> };

/** Reconciliation, the reads: the reports as the runs wrote them (PostgreSQL). */
@Injectable()
export class ReconciliationReadsService {
  constructor(private readonly store: ReconciliationStore) {}

  /** The report, each drift with its type (an orphan row, an unreadable workflow, or a ledger that differs). */
  async run(actor: Actor, runId: string): Promise<ReconciliationReport> {
    authorizeReconciliationAction('read', actor);
    const run = await this.store.run(runId);
    if (!run) throw new NotFoundException(`reconciliation run ${runId} not found`);
    return { ...run, drift: run.drift.map((d) => ({ ...d, driftType: reconciliationDriftType(d.drift) })) };
  }

  /** The latest runs (the store's default bound). */
  runs(actor: Actor): Promise<ReconciliationRunRow[]> {
    authorizeReconciliationAction('read', actor);
    return this.store.runs();
  }
}
