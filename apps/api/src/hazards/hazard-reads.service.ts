import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor, HazardState } from '@duban/domain';
import {
  HazardLedgerReader,
  type HazardEscalationRow,
  type HazardEventRow,
  type HazardLedgerRow,
  type HazardLedgerSummary,
} from '@duban/persistence';
import { hazardStateQuery, hazardWorkflowId } from '@duban/workflows';
import type { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { decodeEventCursor, encodeEventCursor, isEventSeq } from '../http/event-cursor';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import type { EscalationsQuery } from './dto/escalations.query';
import type { ListHazardsQuery } from './dto/list-hazards.query';
import type { SummaryQuery } from './dto/summary.query';
import { Places } from '../auth/places';
import { authorizeOnHazard, hazardListBounds } from './hazard-access';
import { hazardLedgerFilterOf } from './hazard-ledger-filter';

export interface HazardEventPage {
  items: HazardEventRow[];
  next: string | null;
}

export interface HazardDetail {
  state: HazardState;
  stateSource: 'workflow' | 'ledger';
  ledger?: HazardLedgerRow;
}

/**
 * Hazards (隐患排查治理), the reads: the ledger from PostgreSQL, one hazard's state from its
 * workflow. Every read is bounded by its reader's scope: a unit's own hazards, a department's
 * industry, an office's territory (libs/domain/src/scope).
 */
@Injectable()
export class HazardReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: HazardLedgerReader,
    private readonly places: Places,
  ) {}

  /** 隐患台账: the rows within the reader's scope. */
  async list(actor: Actor, query: ListHazardsQuery): Promise<{ items: HazardLedgerRow[]; total: number }> {
    return this.ledger.list({
      bounds: await hazardListBounds(this.places, actor, query.unitId),
      ...hazardLedgerFilterOf(query),
      limit: query.limit,
      offset: query.offset,
    });
  }

  /** The authoritative state from the workflow, beside the ledger row. */
  async detail(hazardId: string, actor: Actor): Promise<HazardDetail> {
    await authorizeOnHazard(this.ledger, hazardId, actor, 'read', this.places);
    const [live, ledger] = await Promise.all([this.workflows.query(hazardWorkflowId(hazardId), hazardStateQuery), this.ledger.get(hazardId)]);
    if (live) return { state: live, stateSource: 'workflow', ledger };
    // The workflow is no longer on record (closed past retention): the ledger keeps its last snapshot.
    const snapshot = await this.ledger.snapshot(hazardId);
    if (!snapshot) throw new NotFoundException(`hazard ${hazardId} not found`);
    return { state: snapshot, stateSource: 'ledger', ledger };
  }

  /** A page of the audit trail (履职记录), in order; `next` continues it. */
  async events(hazardId: string, actor: Actor, query: AuditTrailPageQuery): Promise<HazardEventPage> {
    const afterSeq = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isEventSeq);
    await authorizeOnHazard(this.ledger, hazardId, actor, 'read', this.places);
    const page = await this.ledger.events(hazardId, { afterSeq, limit: query.limit });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor(page.next) };
  }

  async escalations(actor: Actor, query: EscalationsQuery): Promise<HazardEscalationRow[]> {
    return this.ledger.escalations({
      bounds: await hazardListBounds(this.places, actor, query.unitId),
      since: query.since !== undefined ? new Date(query.since) : undefined,
      limit: query.limit,
    });
  }

  async summary(actor: Actor, query: SummaryQuery): Promise<HazardLedgerSummary> {
    return this.ledger.summary({ bounds: await hazardListBounds(this.places, actor, query.unitId), campaignId: query.campaignId });
  }
}
