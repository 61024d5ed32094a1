import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

/**
 * One login account (账号): who logs in (login name, password hash), the person and unit behind
 * it, its role and the scope it acts in. Changed in place, each change counting up `version`
 * (optimistic concurrency) and naming who changed it, when and why. The login name is unique
 * regardless of case (`login_key`, its lower-case form).
 */
@Entity({ name: 'account' })
@Index('uq_account_login_key', ['loginKey'], { unique: true })
@Index('idx_account_role', ['role'])
export class AccountRecord {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_account' })
  id!: string;

  /** As entered (shown); `loginKey` is what is compared. */
  @Column({ name: 'login_name', type: 'varchar' })
  loginName!: string;

  @Column({ name: 'login_key', type: 'varchar' })
  loginKey!: string;

  /** argon2id, PHC string (its parameters and salt inside). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** The name tokens carry (the actor's name in every record it makes). */
  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'person_id', type: 'varchar' })
  personId!: string;

  @Column({ name: 'role', type: 'varchar' })
  role!: Role;

  @Column({ name: 'unit_id', type: 'varchar', nullable: true })
  unitId!: string | null;

  @Column({ name: 'region_id', type: 'varchar', nullable: true })
  regionId!: string | null;

  @Column({ name: 'industry_id', type: 'varchar', nullable: true })
  industryId!: string | null;

  @Column({ name: 'disabled', type: 'boolean' })
  disabled!: boolean;

  /** 1 when created; each change adds one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by_id', type: 'varchar' })
  createdById!: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'changed_by_id', type: 'varchar' })
  changedById!: string;

  @Column({ name: 'changed_by_name', type: 'text' })
  changedByName!: string;

  /** Why the last change was made (the creation's reason at first). */
  @Column({ name: 'change_reason', type: 'text' })
  changeReason!: string;
}
