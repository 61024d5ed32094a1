import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tip-off ledger (举报台账) and its event log; must match the entities (migrations.pg.spec). */
export class CreateTipOffLedger1765200000000 implements MigrationInterface {
  name = 'CreateTipOffLedger1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tip_off_ledger" (
        "tip_off_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "channel" character varying NOT NULL,
        "informant" text NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "region_id" character varying NOT NULL,
        "unit_id" character varying,
        "received_by_id" character varying NOT NULL,
        "received_by_name" text NOT NULL,
        "received_by_role" character varying NOT NULL,
        "status" character varying NOT NULL,
        "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "overdue" boolean NOT NULL,
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "verified_on_time" boolean,
        "accident_id" character varying,
        "accident_link" character varying,
        "accident_linked_at" TIMESTAMP WITH TIME ZONE,
        "concealed" boolean NOT NULL,
        "falsely_reported" boolean NOT NULL,
        "version" integer NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_tip_off_ledger" PRIMARY KEY ("tip_off_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_tip_off_ledger_region_id" ON "tip_off_ledger" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "idx_tip_off_ledger_status_deadline" ON "tip_off_ledger" ("status", "deadline")`);
    await queryRunner.query(`CREATE INDEX "idx_tip_off_ledger_accident_id" ON "tip_off_ledger" ("accident_id")`);
    await queryRunner.query(`
      CREATE TABLE "tip_off_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "tip_off_id" character varying NOT NULL,
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
        CONSTRAINT "pk_tip_off_event" PRIMARY KEY ("id"),
        CONSTRAINT "uq_tip_off_event_tip_off_id_seq" UNIQUE ("tip_off_id", "seq")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_tip_off_event_type_at" ON "tip_off_event" ("type", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tip_off_event"`);
    await queryRunner.query(`DROP TABLE "tip_off_ledger"`);
  }
}
