import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor, TipOffState } from '@duban/domain';
import { TipOffLedgerReader, type TipOffEventRow, type TipOffLedgerRow } from '@duban/persistence';
import { tipOffStateQuery, tipOffWorkflowId } from '@duban/workflows';
import { Places } from '../auth/places';
import type { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { decodeEventCursor, encodeEventCursor, isEventSeq } from '../http/event-cursor';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import type { ListTipOffsQuery } from './dto/list-tip-offs.query';
import { authorizeOnTipOff, tipOffListBounds } from './tip-off-access';

export interface TipOffDetail {
  state: TipOffState;
  stateSource: 'workflow' | 'ledger';
  ledger?: TipOffLedgerRow;
}

export interface TipOffEventPage {
  items: TipOffEventRow[];
  next: string | null;
}

/** Tip-offs (举报), the reads: the ledger from PostgreSQL within the reader's territory, one tip's state from its workflow. */
@Injectable()
export class TipOffReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: TipOffLedgerReader,
    private readonly places: Places,
  ) {}

  list(actor: Actor, query: ListTipOffsQuery): Promise<{ items: TipOffLedgerRow[]; total: number }> {
    return this.ledger.list({
      bounds: tipOffListBounds(actor),
      status: query.status,
      overdue: query.overdue,
      channel: query.channel,
      accidentId: query.accidentId,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async detail(tipOffId: string, actor: Actor): Promise<TipOffDetail> {
    await authorizeOnTipOff(this.ledger, tipOffId, actor, 'read', this.places);
    const [live, ledger] = await Promise.all([this.workflows.query(tipOffWorkflowId(tipOffId), tipOffStateQuery), this.ledger.get(tipOffId)]);
    if (live) return { state: live, stateSource: 'workflow', ledger };
    // The workflow is no longer on record (closed past retention): the ledger keeps its last snapshot.
    const snapshot = await this.ledger.snapshot(tipOffId);
    if (!snapshot) throw new NotFoundException(`tip-off ${tipOffId} not found`);
    return { state: snapshot, stateSource: 'ledger', ledger };
  }

  async events(tipOffId: string, actor: Actor, query: AuditTrailPageQuery): Promise<TipOffEventPage> {
    const afterSeq = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isEventSeq);
    await authorizeOnTipOff(this.ledger, tipOffId, actor, 'read', this.places);
    const page = await this.ledger.events(tipOffId, { afterSeq, limit: query.limit });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor(page.next) };
  }
}
