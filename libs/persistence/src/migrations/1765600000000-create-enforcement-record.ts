import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rules over the enforcement record: firings and the blacklist's entries and exits; must match the entities (migrations.pg.spec). */
export class CreateEnforcementRecord1765600000000 implements MigrationInterface {
  name = 'CreateEnforcementRecord1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "repeat_violation_firing" (
        "firing_key" character varying NOT NULL,
        "rule_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "violation_ids" jsonb NOT NULL,
        "case_ids" jsonb NOT NULL,
        "window_from" character varying NOT NULL,
        "window_to" character varying NOT NULL,
        "fired_on" character varying NOT NULL,
        "measure" text NOT NULL,
        "accountable" text NOT NULL,
        "run_id" character varying NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_repeat_violation_firing" PRIMARY KEY ("firing_key")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_repeat_violation_firing_unit_id" ON "repeat_violation_firing" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "idx_repeat_violation_firing_region_id" ON "repeat_violation_firing" ("region_id")`);
    await queryRunner.query(`
      CREATE TABLE "blacklist_change" (
        "change_key" character varying NOT NULL,
        "rule_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "on_day" character varying NOT NULL,
        "entered_on" character varying NOT NULL,
        "violation_ids" jsonb NOT NULL,
        "exposure" boolean NOT NULL,
        "actor_id" character varying NOT NULL,
        "actor_name" text NOT NULL,
        "actor_role" character varying NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reason" text NOT NULL,
        "run_id" character varying NOT NULL,
        CONSTRAINT "pk_blacklist_change" PRIMARY KEY ("change_key")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_blacklist_change_unit_id" ON "blacklist_change" ("unit_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "blacklist_change"`);
    await queryRunner.query(`DROP TABLE "repeat_violation_firing"`);
  }
}
