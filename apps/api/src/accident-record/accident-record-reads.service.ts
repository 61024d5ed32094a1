import { Injectable, NotFoundException } from '@nestjs/common';
import {
  seedCityControlIndicators,
  STANDARD_CONTROL_INDICATOR_POLICY,
  type AccountabilityActionState,
  type Actor,
  type ControlIndicator,
  type ControlIndicatorPolicy,
} from '@duban/domain';
import {
  AccidentRecordReader,
  RegistryReader,
  type AccountabilityFiringRow,
  type ControlIndicatorCheckRow,
  type ControlIndicatorRevisionRow,
  type ControlIndicatorRow,
} from '@duban/persistence';
import {
  accidentRecordReviewWorkflowId,
  accountabilityActionStateQuery,
  accountabilityActionWorkflowId,
  type AccidentRecordReviewResult,
} from '@duban/workflows';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { authorizeOnFiring, authorizeOnRegion } from './accident-record-access';

export interface ControlIndicatorSet {
  regionId: string;
  year: number;
  revision: number | null;
  indicators: ControlIndicatorRow[];
  standardPolicy: ControlIndicatorPolicy;
  suggested: ControlIndicator[];
}

export interface FiringDetail {
  firing: AccountabilityFiringRow;
  action: AccountabilityActionState | null;
}

export type ReviewRun =
  | { runId: string; status: 'completed'; month: string; checks: ControlIndicatorCheckRow[]; firings: AccountabilityFiringRow[] }
  | { runId: string; status: 'running' | 'failed'; message: string };

/**
 * The accident record, the reads (控制指标, 按月检查, 问责): from PostgreSQL, a firing's
 * obligation from its workflow; each bounded to the caller's territory (属地).
 */
@Injectable()
export class AccidentRecordReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly reader: AccidentRecordReader,
    private readonly registry: RegistryReader,
  ) {}

  /** A region's caps for the year as set, the revision that holds, and the seed's caps offered. */
  async indicatorSet(regionId: string, year: number, actor: Actor): Promise<ControlIndicatorSet> {
    await authorizeOnRegion(this.registry, actor, 'read', regionId, 'the control indicators');
    return this.currentSet(regionId, year);
  }

  /** The set as it now stands (after the caller was checked). */
  async currentSet(regionId: string, year: number): Promise<ControlIndicatorSet> {
    const [indicators, [latest]] = await Promise.all([this.reader.indicators(year, regionId), this.reader.revisions(regionId, year)]);
    return {
      regionId,
      year,
      revision: latest?.revision ?? null,
      indicators,
      standardPolicy: STANDARD_CONTROL_INDICATOR_POLICY,
      suggested: seedCityControlIndicators(regionId, year),
    };
  }

  async revisions(regionId: string, year: number, actor: Actor): Promise<ControlIndicatorRevisionRow[]> {
    await authorizeOnRegion(this.registry, actor, 'read', regionId, 'the control indicators');
    return this.reader.revisions(regionId, year);
  }

  /** The region's checks and those of the regions below it (a city's covers its counties'). */
  async checks(regionId: string, actor: Actor, month?: string): Promise<ControlIndicatorCheckRow[]> {
    await authorizeOnRegion(this.registry, actor, 'read', regionId, 'the monthly checks');
    return this.reader.checks({ regionId, month });
  }

  /** The territory's firings and those of the territories below it. */
  async firings(territoryId: string, actor: Actor, year?: number): Promise<AccountabilityFiringRow[]> {
    await authorizeOnRegion(this.registry, actor, 'read', territoryId, 'the accountability firings');
    return this.reader.firings({ territoryId, year });
  }

  async firing(firingKey: string, actor: Actor): Promise<FiringDetail> {
    const firing = await authorizeOnFiring(this.reader, this.registry, actor, 'read', firingKey);
    const action = await this.workflows.query(accountabilityActionWorkflowId(firingKey), accountabilityActionStateQuery);
    return { firing, action: action ?? null };
  }

  /** A review run by its id: still running, failed, or completed with what it found in the caller's territory. */
  async reviewRun(runId: string, actor: Actor): Promise<ReviewRun> {
    const outcome = await this.workflows.outcome<AccidentRecordReviewResult>(accidentRecordReviewWorkflowId(runId));
    if (!outcome) throw new NotFoundException(`review run ${runId} not found`);
    if (outcome.status === 'running') return { runId, status: 'running', message: `review run ${runId} is still running` };
    if (outcome.status === 'failed') return { runId, status: 'failed', message: outcome.reason };
    return this.reviewFound(runId, outcome.result, actor);
  }

  /** What a completed run found, as recorded: the month's checks and its firings, within the caller's territory. */
  async reviewFound(runId: string, result: AccidentRecordReviewResult, actor: Actor): Promise<ReviewRun> {
    // Within the caller's territory, in SQL (an account naming no region, or the system, sees every region).
    const withinRegionId = actor.role === 'system' ? undefined : actor.regionId;
    const [checks, firings] = await Promise.all([
      this.reader.checks({ month: result.month, withinRegionId }),
      this.reader.firings({ year: Number(result.month.slice(0, 4)), keys: Object.keys(result.firings), withinRegionId }),
    ]);
    return { runId, status: 'completed', month: result.month, checks, firings };
  }
}
