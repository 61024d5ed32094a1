import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key in use: which request its caller first sent under it. The key itself is
 * not stored, only its scope (a UUID derived from the caller and the key), so keys are the
 * caller's own and no client-chosen text reaches SQL. Kept for IDEMPOTENCY_KEY_LIFETIME_MS; a row
 * older than that no longer holds its key.
 */
@Entity({ name: 'idempotency_key' })
@Index('idx_idempotency_key_created_at', ['createdAt'])
export class IdempotencyKeyRecord {
  @PrimaryColumn({ name: 'scope', type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_key' })
  scope!: string;

  /** SHA-256 (hex) of the request's canonical method, path, query and body. */
  @Column({ name: 'fingerprint', type: 'varchar' })
  fingerprint!: string;

  /** `POST /hazards`: named in the refusal of the key's reuse. */
  @Column({ name: 'request', type: 'text' })
  request!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
