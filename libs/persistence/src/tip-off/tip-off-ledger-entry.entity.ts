import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role, TipOffAccidentLinkKind, TipOffChannel, TipOffState, TipOffStatus } from '@duban/domain';

/**
 * One row per tip-off or media report (举报台账): the queryable projection of its workflow's
 * state, so lists of what awaits verification (and what is overdue) never fan out to Temporal.
 * The workflow stays authoritative; the row is rewritten from each newer snapshot (`version`).
 */
@Entity({ name: 'tip_off_ledger' })
@Index('idx_tip_off_ledger_region_id', ['regionId'])
@Index('idx_tip_off_ledger_status_deadline', ['status', 'deadline'])
@Index('idx_tip_off_ledger_accident_id', ['accidentId'])
export class TipOffLedgerEntry {
  @PrimaryColumn({ name: 'tip_off_id', type: 'varchar', primaryKeyConstraintName: 'pk_tip_off_ledger' })
  tipOffId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  @Column({ name: 'channel', type: 'varchar' })
  channel!: TipOffChannel;

  /** The informant's name, 匿名, or the media outlet. */
  @Column({ name: 'informant', type: 'text' })
  informant!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** The region the tip is about (属地). */
  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  /** The unit the tip names, where it names one. */
  @Column({ name: 'unit_id', type: 'varchar', nullable: true })
  unitId!: string | null;

  @Column({ name: 'received_by_id', type: 'varchar' })
  receivedById!: string;

  @Column({ name: 'received_by_name', type: 'text' })
  receivedByName!: string;

  @Column({ name: 'received_by_role', type: 'varchar' })
  receivedByRole!: Role | 'system';

  @Column({ name: 'status', type: 'varchar' })
  status!: TipOffStatus;

  /** The verification obligation's deadline (核查期限). */
  @Column({ name: 'deadline', type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'overdue', type: 'boolean' })
  overdue!: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_on_time', type: 'boolean', nullable: true })
  verifiedOnTime!: boolean | null;

  /** The accident a verified tip found: opened from it, or updated with it. */
  @Column({ name: 'accident_id', type: 'varchar', nullable: true })
  accidentId!: string | null;

  @Column({ name: 'accident_link', type: 'varchar', nullable: true })
  accidentLink!: TipOffAccidentLinkKind | null;

  @Column({ name: 'accident_linked_at', type: 'timestamptz', nullable: true })
  accidentLinkedAt!: Date | null;

  /** 瞒报 found from this tip. */
  @Column({ name: 'concealed', type: 'boolean' })
  concealed!: boolean;

  /** 谎报 found from this tip. */
  @Column({ name: 'falsely_reported', type: 'boolean' })
  falselyReported!: boolean;

  /** seq of the last event applied: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'state', type: 'jsonb' })
  state!: TipOffState;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
