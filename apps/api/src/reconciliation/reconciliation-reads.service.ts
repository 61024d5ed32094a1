import { Injectable, NotFoundException } from '@nestjs/common';
import { authorizeReconciliationAction, type Actor } from '@duban/domain';
import { ReconciliationStore, type ReconciliationDriftRow, type ReconciliationRunRow } from '@duban/persistence';

/** Reconciliation, the reads: the reports as the runs wrote them (PostgreSQL). */
@Injectable()
export class ReconciliationReadsService {
  constructor(private readonly store: ReconciliationStore) {}

  async run(actor: Actor, runId: string): Promise<ReconciliationRunRow & { drift: ReconciliationDriftRow[] }> {
    authorizeReconciliationAction('read', actor);
    const run = await this.store.run(runId);
    if (!run) throw new NotFoundException(`reconciliation run ${runId} not found`);
    return run;
  }

  /** The latest runs (the store's default bound). */
  runs(actor: Actor): Promise<ReconciliationRunRow[]> {
    authorizeReconciliationAction('read', actor);
    return this.store.runs();
  }
}
