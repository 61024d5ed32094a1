import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SessionRevocationReason } from '@duban/domain';

/**
 * One refresh token of a login session (登录会话): its hash (never the token), its family (every
 * session since the login), and whether it was rotated (used once: refreshed) or revoked. Access
 * tokens carry the session's id (`sid`); the bearer guard honours them while the session is
 * neither revoked nor expired.
 */
@Entity({ name: 'auth_session' })
@Index('uq_auth_session_refresh_token_hash', ['refreshTokenHash'], { unique: true })
@Index('idx_auth_session_family_id', ['familyId'])
@Index('idx_auth_session_account_id', ['accountId'])
export class AuthSessionRecord {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_auth_session' })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar' })
  accountId!: string;

  /** The login's first session id: every rotation stays in its family. */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  /** SHA-256 (hex) of the refresh token. */
  @Column({ name: 'refresh_token_hash', type: 'varchar' })
  refreshTokenHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** When the family ends however often refreshed (the login's time plus the family lifetime). */
  @Column({ name: 'family_expires_at', type: 'timestamptz' })
  familyExpiresAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', nullable: true })
  revokedReason!: SessionRevocationReason | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ name: 'ip', type: 'varchar', nullable: true })
  ip!: string | null;
}
