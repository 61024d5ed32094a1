import type { Actor, ListBounds, Role, TipOffAccidentLinkKind, TipOffChannel, TipOffEventBody, TipOffStatus } from '@duban/domain';

/** A tip-off's ledger row (举报台账) as lists and detail views show it: camelCase, instants as ISO strings. */
export interface TipOffLedgerRow {
  tipOffId: string;
  workflowId: string;
  channel: TipOffChannel;
  informant: string;
  receivedAt: string;
  regionId: string;
  unitId: string | null;
  receivedBy: { id: string; name: string; role: Role | 'system' };
  status: TipOffStatus;
  deadline: string;
  overdue: boolean;
  verifiedAt: string | null;
  verifiedOnTime: boolean | null;
  accidentId: string | null;
  accidentLink: TipOffAccidentLinkKind | null;
  accidentLinkedAt: string | null;
  /** 瞒报 found from this tip. */
  concealed: boolean;
  /** 谎报 found from this tip. */
  falselyReported: boolean;
  /** seq of the last event the row reflects. */
  version: number;
  updatedAt: string;
}

export interface TipOffLedgerFilter {
  /** The reader's scope: `regionId` keeps tips about that region or below it (属地); `unitId` the tips naming that unit. */
  bounds?: Pick<ListBounds, 'regionId' | 'unitId'>;
  status?: TipOffStatus;
  overdue?: boolean;
  channel?: TipOffChannel;
  accidentId?: string;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** One event of a tip-off's audit trail; `data` is typed by `type` as the domain defines it. */
export type TipOffEventRow = TipOffEventBody & { seq: number; at: string; actor: Actor; reason: string };

export interface TipOffEventFilter {
  /** Start after this seq (a page's `next`). */
  afterSeq?: number;
  /** Default 100, at most 500. */
  limit?: number;
}
