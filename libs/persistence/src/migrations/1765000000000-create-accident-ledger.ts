import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The accident ledger (事故台账) and its event log; must match the entities (migrations.pg.spec). */
export class CreateAccidentLedger1765000000000 implements MigrationInterface {
  name = 'CreateAccidentLedger1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "accident_ledger" (
        "accident_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "industry" character varying NOT NULL,
        "sector" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "grade" character varying NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_by_id" character varying NOT NULL,
        "recorded_by_name" text NOT NULL,
        "recorded_by_role" character varying NOT NULL,
        "opened_from" character varying NOT NULL,
        "deaths" integer NOT NULL,
        "missing" integer NOT NULL,
        "serious_injuries" integer NOT NULL,
        "direct_loss_yuan" bigint NOT NULL,
        "concealment_flags" integer NOT NULL,
        "investigation_status" character varying,
        "investigation_level" character varying,
        "report_due" TIMESTAMP WITH TIME ZONE,
        "report_overdue" boolean NOT NULL,
        "listed_by_level" character varying,
        "open_gates" integer,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "campaign_id" character varying,
        "policy_id" character varying NOT NULL,
        "version" integer NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_accident_ledger" PRIMARY KEY ("accident_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_accident_ledger_unit_id" ON "accident_ledger" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "idx_accident_ledger_region_id" ON "accident_ledger" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "idx_accident_ledger_occurred_at" ON "accident_ledger" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_accident_ledger_grade" ON "accident_ledger" ("grade")`);
    await queryRunner.query(`
      CREATE TABLE "accident_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "accident_id" character varying NOT NULL,
        "seq" integer NOT NULL,
        "type" character varying NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" character varying NOT NULL,
        "actor_name" text NOT NULL,
        "actor_role" character varying NOT NULL,
        "actor_unit_id" character varying,
        "reason" text NOT NULL,
        "data" jsonb NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_accident_event" PRIMARY KEY ("id"),
        CONSTRAINT "uq_accident_event_accident_id_seq" UNIQUE ("accident_id", "seq")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_accident_event_type_at" ON "accident_event" ("type", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accident_event"`);
    await queryRunner.query(`DROP TABLE "accident_ledger"`);
  }
}
