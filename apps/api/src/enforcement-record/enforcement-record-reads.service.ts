import { Injectable, NotFoundException } from '@nestjs/common';
import { ENFORCEMENT_RECORD_PERMISSIONS, listBounds, type Actor, type ListBounds } from '@duban/domain';
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
 * bounded like the enforcement ledger's lists (a unit its own; an industry department its
 * industries; others their territory), the bounds applied by the store's SQL on the registry.
 */
@Injectable()
export class EnforcementRecordReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly store: EnforcementRecordStore,
    private readonly places: Places,
  ) {}

  /** `regionId`: the firing's region or one below it (a city's office asking for its city sees its counties'). */
  async firings(actor: Actor, query: { unitId?: string; regionId?: string }): Promise<FiringRow[]> {
    return this.store.firings({ regionId: query.regionId, bounds: await this.boundsOf(actor, query.unitId) });
  }

  async blacklist(actor: Actor, query: { unitId?: string }): Promise<BlacklistChangeRow[]> {
    return this.store.blacklistChanges({ bounds: await this.boundsOf(actor, query.unitId) });
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
    const [found, listed] = await Promise.all([
      this.store.firings({ keys: result.firings, bounds }),
      this.store.blacklistChanges({ keys: result.blacklistChanges, bounds }),
    ]);
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
}
