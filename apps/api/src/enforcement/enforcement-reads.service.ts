import { Injectable, NotFoundException } from '@nestjs/common';
import { enforcementCaseWorkflowId, type Actor, type EnforcementCaseState } from '@duban/domain';
import { EnforcementLedgerReader, type EnforcementEventRow, type EnforcementLedgerRow } from '@duban/persistence';
import { enforcementStateQuery } from '@duban/workflows';
import { Places } from '../auth/places';
import type { AuditTrailPageQuery } from '../http/audit-trail-page.query';
import { decodeEventCursor, encodeEventCursor, isEventSeq } from '../http/event-cursor';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { authorizeOnEnforcementCase, enforcementListBounds } from './enforcement-access';
import { enforcementLedgerFilterOf } from './enforcement-ledger-filter';
import type { ListEnforcementCasesQuery } from './dto/list-enforcement-cases.query';

export interface EnforcementEventPage {
  items: EnforcementEventRow[];
  next: string | null;
}

export interface EnforcementDetail {
  state: EnforcementCaseState;
  stateSource: 'workflow' | 'ledger';
  ledger?: EnforcementLedgerRow;
}

/**
 * Enforcement cases, the reads: the ledger (执法台账) from PostgreSQL, one case's state from its
 * workflow. Every read is bounded by its reader's scope: a unit's own cases, a department's
 * industry, an office's territory (libs/domain/src/scope).
 */
@Injectable()
export class EnforcementReadsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: EnforcementLedgerReader,
    private readonly places: Places,
  ) {}

  /** 执法台账: the rows within the reader's scope. */
  async list(actor: Actor, query: ListEnforcementCasesQuery): Promise<{ items: EnforcementLedgerRow[]; total: number }> {
    return this.ledger.list({
      bounds: await enforcementListBounds(this.places, actor, query.unitId),
      ...enforcementLedgerFilterOf(query),
      limit: query.limit,
      offset: query.offset,
    });
  }

  /** The authoritative state from the workflow, beside the ledger row. */
  async detail(caseId: string, actor: Actor): Promise<EnforcementDetail> {
    await authorizeOnEnforcementCase(this.ledger, caseId, actor, 'read', this.places);
    const [live, ledger] = await Promise.all([
      this.workflows.query(enforcementCaseWorkflowId(caseId), enforcementStateQuery),
      this.ledger.get(caseId),
    ]);
    if (live) return { state: live, stateSource: 'workflow', ledger };
    // The workflow is no longer on record (closed past retention): the ledger keeps its last snapshot.
    const snapshot = await this.ledger.snapshot(caseId);
    if (!snapshot) throw new NotFoundException(`enforcement case ${caseId} not found`);
    return { state: snapshot, stateSource: 'ledger', ledger };
  }

  /** A page of the audit trail (执法记录), in order, each step with its legal basis; `next` continues it. */
  async events(caseId: string, actor: Actor, query: AuditTrailPageQuery): Promise<EnforcementEventPage> {
    const afterSeq = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, isEventSeq);
    await authorizeOnEnforcementCase(this.ledger, caseId, actor, 'read', this.places);
    const page = await this.ledger.events(caseId, { afterSeq, limit: query.limit });
    return { items: page.items, next: page.next === null ? null : encodeEventCursor(page.next) };
  }
}
