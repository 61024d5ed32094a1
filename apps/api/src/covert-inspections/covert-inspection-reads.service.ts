import { Injectable } from '@nestjs/common';
import type { Actor, CovertInspectionState } from '@duban/domain';
import { CovertInspectionLedgerReader, type CovertInspectionEventRow, type CovertInspectionLedgerRow } from '@duban/persistence';
import { covertInspectionStateQuery, covertInspectionWorkflowId } from '@duban/workflows';
import type { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { decodeEventCursor, encodeEventCursor, isEventSeq } from '../http/event-cursor';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { covertInspectionListVisibility, visibleCovertInspection } from './covert-inspection-access';
import type { ListCovertInspectionsQuery } from './dto/list-covert-inspections.query';

export interface CovertInspectionDetail {
  state: CovertInspectionState;
  stateSource: 'workflow' | 'ledger';
  ledger?: CovertInspectionLedgerRow;
}

export interface CovertInspectionEventPage {
  items: CovertInspectionEventRow[];
  next: string | null;
}

/** Covert inspections (明察暗访), the reads: the ledger (暗访台账) from PostgreSQL, one inspection's state from its workflow; plans hidden until done. */
@Injectable()
export class CovertInspectionReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: CovertInspectionLedgerReader,
  ) {}

  list(actor: Actor, query: ListCovertInspectionsQuery): Promise<{ items: CovertInspectionLedgerRow[]; total: number }> {
    return this.ledger.list({
      ...covertInspectionListVisibility(actor),
      status: query.status,
      regionId: query.regionId,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async detail(inspectionId: string, actor: Actor): Promise<CovertInspectionDetail> {
    const snapshot = await visibleCovertInspection(this.ledger, inspectionId, actor);
    const [live, ledger] = await Promise.all([
      this.workflows.query(covertInspectionWorkflowId(inspectionId), covertInspectionStateQuery),
      this.ledger.get(inspectionId),
    ]);
    // The workflow is no longer on record (ended past retention): the ledger keeps its last snapshot.
    return live ? { state: live, stateSource: 'workflow', ledger } : { state: snapshot, stateSource: 'ledger', ledger };
  }

  async events(inspectionId: string, actor: Actor, query: AuditTrailPageQuery): Promise<CovertInspectionEventPage> {
    const afterSeq = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isEventSeq);
    await visibleCovertInspection(this.ledger, inspectionId, actor);
    const page = await this.ledger.events(inspectionId, { afterSeq, limit: query.limit });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor(page.next) };
  }
}
