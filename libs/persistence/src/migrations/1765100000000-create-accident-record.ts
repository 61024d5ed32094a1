import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Control indicators (控制指标), their monthly checks, and accountability firings (问责); must match the entities (migrations.pg.spec). */
export class CreateAccidentRecord1765100000000 implements MigrationInterface {
  name = 'CreateAccidentRecord1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "control_indicator" (
        "id" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "year" integer NOT NULL,
        "label" text NOT NULL,
        "measure" character varying NOT NULL,
        "sectors" jsonb,
        "grades" jsonb,
        "cap" integer NOT NULL,
        "source" text NOT NULL,
        "set_by_id" character varying NOT NULL,
        "set_by_name" text NOT NULL,
        "set_by_role" character varying NOT NULL,
        "set_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reason" text NOT NULL,
        CONSTRAINT "pk_control_indicator" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_control_indicator_region_year" ON "control_indicator" ("region_id", "year")`);
    await queryRunner.query(`
      CREATE TABLE "control_indicator_check" (
        "indicator_id" character varying NOT NULL,
        "month" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "indicator" jsonb NOT NULL,
        "used" integer NOT NULL,
        "share" double precision,
        "status" character varying NOT NULL,
        "warning_at" double precision,
        "breach" jsonb,
        "accident_ids" jsonb NOT NULL,
        "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_control_indicator_check" PRIMARY KEY ("indicator_id", "month")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_control_indicator_check_region_month" ON "control_indicator_check" ("region_id", "month")`);
    await queryRunner.query(`
      CREATE TABLE "accountability_firing" (
        "firing_key" character varying NOT NULL,
        "rule_id" character varying NOT NULL,
        "rule" jsonb NOT NULL,
        "territory_id" character varying NOT NULL,
        "period" character varying NOT NULL,
        "kind" character varying,
        "instrument" character varying NOT NULL,
        "accident_ids" jsonb NOT NULL,
        "fired_on" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "status" character varying NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due" TIMESTAMP WITH TIME ZONE NOT NULL,
        "overdue_at" TIMESTAMP WITH TIME ZONE,
        "held_at" TIMESTAMP WITH TIME ZONE,
        "minutes" text,
        "recorded_by_id" character varying,
        "recorded_by_name" text,
        "recorded_by_role" character varying,
        "recorded_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_accountability_firing" PRIMARY KEY ("firing_key")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_accountability_firing_territory_period" ON "accountability_firing" ("territory_id", "period")`);
    await queryRunner.query(`CREATE INDEX "idx_accountability_firing_status" ON "accountability_firing" ("status")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accountability_firing"`);
    await queryRunner.query(`DROP TABLE "control_indicator_check"`);
    await queryRunner.query(`DROP TABLE "control_indicator"`);
  }
}
