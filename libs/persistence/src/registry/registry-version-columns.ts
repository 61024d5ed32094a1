import { Column } from 'typeorm';
import type { RegistryChangeKind, Role } from '@duban/domain';

/**
 * The columns every registry table shares: a row is one version of one record (slowly changing,
 * type 2). A record as of T is its row with `valid_from <= T AND (valid_to IS NULL OR valid_to > T)`;
 * the current one has `valid_to` null (a partial unique index keeps it to one per id). A retire is
 * a version too (`retired`), never a delete. Each table's entity extends this class; TypeORM
 * inherits the columns (they come after the entity's own in its metadata).
 */
export abstract class RegistryVersionColumns {
  /** The record's id; each entity declares it with `version` as its primary key (named per table). */
  abstract id: string;

  /** 1, 2, …: the expected version a write names (optimistic concurrency). */
  abstract version: number;

  /** When the change was recorded. */
  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom!: Date;

  /** When the next version replaced it; null while current. */
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo!: Date | null;

  @Column({ name: 'change', type: 'varchar' })
  change!: RegistryChangeKind;

  @Column({ name: 'retired', type: 'boolean' })
  retired!: boolean;

  /** Why (required): the office's words, or the import's file. */
  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'changed_by_id', type: 'varchar' })
  changedById!: string;

  @Column({ name: 'changed_by_name', type: 'text' })
  changedByName!: string;

  @Column({ name: 'changed_by_role', type: 'varchar' })
  changedByRole!: Role | 'system';

  @Column({ name: 'changed_by_unit', type: 'varchar', nullable: true })
  changedByUnit!: string | null;
}

/** The shared columns' properties: what is not the record itself. */
export const VERSION_PROPERTIES = [
  'id',
  'version',
  'validFrom',
  'validTo',
  'change',
  'retired',
  'reason',
  'changedById',
  'changedByName',
  'changedByRole',
  'changedByUnit',
] as const;
