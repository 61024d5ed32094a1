import { Injectable, NotFoundException } from '@nestjs/common';
import { ENFORCEMENT_RECORD_PERMISSIONS, listBounds, withinBounds, type Actor, type ListBounds } from '@duban/domain';
import { EnforcementRecordStore, type BlacklistChangeRow, type FiringRow } from '@duban/persistence';
import { enforcementRecordReviewWorkflowId, type EnforcementRecordReviewResult } from '@duban/workflows';
import { Places } from '../auth/places';
import { WorkflowGateway } from '../temporal/workflow-gateway';

export type EnforcementReviewRun =
  | {
      runId: string;
      status: 'completed';
      asOf: string;
      /** Why it ran and who asked (null: the Schedule, or a run from before they were asked). */
      reason: string | null;
      requestedBy: Actor | null;
      firings: FiringRow[];
      newFirings: string[];
      blacklistChanges: BlacklistChangeRow[];
      newBlacklistChanges: string[];
    }
  | { runId: string; status: 'running' | 'failed'; message: string };

/**
 * The rules over the enforcement record, the reads (规则触发, 黑名单, 规则运行): from PostgreSQL,
 * bounded like the enforcement ledger's lists (a unit its own; others their territory). The store
 * filters by unit and region id only, so the territory bound is applied here, on the registry's places.
 */
@Injectable()
export class EnforcementRecordReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly store: EnforcementRecordStore,
    private readonly places: Places,
  ) {}

  async firings(actor: Actor, query: { unitId?: string; regionId?: string }): Promise<FiringRow[]> {
    const bounds = await this.boundsOf(actor, query.unitId);
    return this.within(actor, bounds, await this.store.firings({ unitId: bounds.unitId, regionId: query.regionId }));
  }

  async blacklist(actor: Actor, query: { unitId?: string }): Promise<BlacklistChangeRow[]> {
    const bounds = await this.boundsOf(actor, query.unitId);
    return this.within(actor, bounds, await this.store.blacklistChanges({ unitId: bounds.unitId }));
  }

  /** A review run by its id: still running, failed, or completed with what it found within the caller's bounds. */
  async reviewRun(runId: string, actor: Actor): Promise<EnforcementReviewRun> {
    const outcome = await this.workflows.outcome<EnforcementRecordReviewResult>(enforcementRecordReviewWorkflowId(runId));
    if (!outcome) throw new NotFoundException(`review run ${runId} not found`);
    if (outcome.status === 'running') return { runId, status: 'running', message: `review run ${runId} is still running` };
    if (outcome.status === 'failed') return { runId, status: 'failed', message: outcome.reason };
    return this.reviewFound(runId, outcome.result, actor);
  }

  /** What a completed run found, as recorded: its firings and blacklist changes the caller may see. */
  async reviewFound(runId: string, result: EnforcementRecordReviewResult, actor: Actor): Promise<EnforcementReviewRun> {
    const bounds = await this.boundsOf(actor, undefined);
    const [firings, changes] = await Promise.all([
      this.store.firings({ unitId: bounds.unitId }),
      this.store.blacklistChanges({ unitId: bounds.unitId }),
    ]);
    const found = await this.within(
      actor,
      bounds,
      firings.filter((f) => result.firings.includes(f.firingKey)),
    );
    const listed = await this.within(
      actor,
      bounds,
      changes.filter((c) => result.blacklistChanges.includes(c.changeKey)),
    );
    const seen = new Set([...found.map((f) => f.firingKey), ...listed.map((c) => c.changeKey)]);
    return {
      runId,
      status: 'completed',
      asOf: result.asOf,
      reason: result.reason ?? null,
      requestedBy: result.requestedBy ?? null,
      firings: found,
      newFirings: result.newFirings.filter((key) => seen.has(key)),
      blacklistChanges: listed,
      newBlacklistChanges: result.newBlacklistChanges.filter((key) => seen.has(key)),
    };
  }

  private async boundsOf(actor: Actor, unitId: string | undefined): Promise<ListBounds> {
    return listBounds(ENFORCEMENT_RECORD_PERMISSIONS, 'read', actor, unitId === undefined ? undefined : await this.places.of(actor, unitId));
  }

  /** The rows whose unit the registry places within `bounds` (every row, for a caller bound by none). */
  private async within<T extends { unitId: string }>(actor: Actor, bounds: ListBounds, rows: T[]): Promise<T[]> {
    const placeOf = await this.places.ofEach(actor, [...new Set(rows.map((r) => r.unitId))]);
    return rows.filter((row) => withinBounds(bounds, placeOf(row.unitId)));
  }
}
