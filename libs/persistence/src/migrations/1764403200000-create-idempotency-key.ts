import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Idempotency-Keys callers sent with their writes (entity: idempotency/idempotency-key-record.entity.ts). */
export class CreateIdempotencyKey1764403200000 implements MigrationInterface {
  name = 'CreateIdempotencyKey1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_key" (
        "scope" uuid NOT NULL,
        "fingerprint" character varying NOT NULL,
        "request" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("scope")
      )`);
    // Expired keys are purged by age.
    await queryRunner.query(`CREATE INDEX "idx_idempotency_key_created_at" ON "idempotency_key" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
