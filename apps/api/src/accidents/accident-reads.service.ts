import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccidentState, Actor } from '@duban/domain';
import { AccidentLedgerReader, type AccidentEventRow, type AccidentLedgerRow } from '@duban/persistence';
import { accidentStateQuery, accidentWorkflowId } from '@duban/workflows';
import { Places } from '../auth/places';
import type { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { decodeEventCursor, encodeEventCursor, isEventSeq } from '../http/event-cursor';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { accidentListBounds, authorizeOnAccident } from './accident-access';
import { accidentLedgerFilterOf } from './accident-ledger-filter';
import type { ListAccidentsQuery } from './dto/list-accidents.query';

export interface AccidentEventPage {
  items: AccidentEventRow[];
  next: string | null;
}

export interface AccidentDetail {
  state: AccidentState;
  stateSource: 'workflow' | 'ledger';
  ledger?: AccidentLedgerRow;
}

/**
 * Accidents, the reads: the ledger (事故台账) from PostgreSQL, one accident's state from its
 * workflow. Every read is bounded by its reader's scope: a unit's own accidents, a department's
 * industry, an office's territory (libs/domain/src/scope).
 */
@Injectable()
export class AccidentReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: AccidentLedgerReader,
    private readonly places: Places,
  ) {}

  /** 事故台账: the rows within the reader's scope. */
  async list(actor: Actor, query: ListAccidentsQuery): Promise<{ items: AccidentLedgerRow[]; total: number }> {
    return this.ledger.list({
      bounds: await accidentListBounds(this.places, actor, query.unitId),
      ...accidentLedgerFilterOf(query),
      limit: query.limit,
      offset: query.offset,
    });
  }

  /** The authoritative state from the workflow, beside the ledger row. */
  async detail(accidentId: string, actor: Actor): Promise<AccidentDetail> {
    await authorizeOnAccident(this.ledger, accidentId, actor, 'read', this.places);
    const [live, ledger] = await Promise.all([this.workflows.query(accidentWorkflowId(accidentId), accidentStateQuery), this.ledger.get(accidentId)]);
    if (live) return { state: live, stateSource: 'workflow', ledger };
    // The workflow is no longer on record (closed past retention): the ledger keeps its last snapshot.
    const snapshot = await this.ledger.snapshot(accidentId);
    if (!snapshot) throw new NotFoundException(`accident ${accidentId} not found`);
    return { state: snapshot, stateSource: 'ledger', ledger };
  }

  /** A page of the audit trail (履职记录), in order; `next` continues it. */
  async events(accidentId: string, actor: Actor, query: AuditTrailPageQuery): Promise<AccidentEventPage> {
    const afterSeq = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isEventSeq);
    await authorizeOnAccident(this.ledger, accidentId, actor, 'read', this.places);
    const page = await this.ledger.events(accidentId, { afterSeq, limit: query.limit });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor(page.next) };
  }
}
