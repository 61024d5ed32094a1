import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reconciliation reports (台账核对): runs and the drift each found; must match the entities (migrations.pg.spec). */
export class CreateReconciliation1765900000000 implements MigrationInterface {
  name = 'CreateReconciliation1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "reconciliation_run" (
        "run_id" character varying NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "started_by_id" character varying NOT NULL,
        "started_by_name" text NOT NULL,
        "started_by_role" character varying NOT NULL,
        "reason" text NOT NULL,
        "checked" integer NOT NULL DEFAULT 0,
        "drifted" integer NOT NULL DEFAULT 0,
        "repaired" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_reconciliation_run" PRIMARY KEY ("run_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_reconciliation_run_started_at" ON "reconciliation_run" ("started_at")`);
    await queryRunner.query(`
      CREATE TABLE "reconciliation_drift" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "run_id" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "aggregate_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "drift" jsonb NOT NULL,
        "repaired" boolean NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_reconciliation_drift_run_id_kind_aggregate_id" UNIQUE ("run_id", "kind", "aggregate_id"),
        CONSTRAINT "pk_reconciliation_drift" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reconciliation_drift"`);
    await queryRunner.query(`DROP TABLE "reconciliation_run"`);
  }
}
