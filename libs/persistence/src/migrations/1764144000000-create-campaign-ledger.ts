import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The campaign ledger (专项行动): campaigns, their unit rosters with each unit's read model, the
 * campaign and unit event log, and the reports units hand in. Hand-written SQL, like the hazard
 * ledger's; it must match the entity declarations (the persistence spec diffs them).
 */
export class CreateCampaignLedger1764144000000 implements MigrationInterface {
  name = 'CreateCampaignLedger1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "campaign" (
        "campaign_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "name" text NOT NULL,
        "kind" character varying NOT NULL,
        "template" jsonb NOT NULL,
        "template_id" character varying NOT NULL,
        "hazard_policy" jsonb NOT NULL,
        "scope_regions" jsonb NOT NULL,
        "scope_industries" jsonb NOT NULL,
        "lead_leader" text NOT NULL,
        "lead_department" text NOT NULL,
        "unit_count" integer NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "schedule" jsonb NOT NULL,
        "phase_extensions" jsonb NOT NULL,
        "status" character varying NOT NULL,
        "current_phase_id" character varying,
        "launched_by_id" character varying NOT NULL,
        "launched_by_name" text NOT NULL,
        "launched_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_campaign" PRIMARY KEY ("campaign_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_status" ON "campaign" ("status")`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_kind" ON "campaign" ("kind")`);

    // Counters and status have defaults so that a roster row is just the unit's identity.
    await queryRunner.query(`
      CREATE TABLE "campaign_unit" (
        "campaign_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "roster_index" integer NOT NULL,
        "name" text NOT NULL,
        "kind" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "industry_id" character varying,
        "status" character varying NOT NULL DEFAULT 'pending',
        "enrolled_at" TIMESTAMP WITH TIME ZONE,
        "due" integer NOT NULL DEFAULT 0,
        "on_time" integer NOT NULL DEFAULT 0,
        "late" integer NOT NULL DEFAULT 0,
        "missed" integer NOT NULL DEFAULT 0,
        "zero_reports" integer NOT NULL DEFAULT 0,
        "inspections" integer NOT NULL DEFAULT 0,
        "findings" integer NOT NULL DEFAULT 0,
        "escalation_count" integer NOT NULL DEFAULT 0,
        "last_escalation_instrument" character varying,
        "last_escalated_at" TIMESTAMP WITH TIME ZONE,
        "hazard_ids" jsonb NOT NULL DEFAULT '[]',
        "score" numeric,
        "version" integer NOT NULL DEFAULT 0,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_campaign_unit" PRIMARY KEY ("campaign_id", "unit_id")
      )`);
    // Roster paging (and the next free index when a unit is appended).
    await queryRunner.query(`CREATE INDEX "idx_campaign_unit_roster" ON "campaign_unit" ("campaign_id", "roster_index")`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_unit_status" ON "campaign_unit" ("campaign_id", "status")`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_unit_region_industry" ON "campaign_unit" ("campaign_id", "region_id", "industry_id")`);

    await queryRunner.query(`
      CREATE TABLE "campaign_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "campaign_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
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
        CONSTRAINT "pk_campaign_event" PRIMARY KEY ("id"),
        CONSTRAINT "uq_campaign_event_campaign_id_unit_id_seq" UNIQUE ("campaign_id", "unit_id", "seq")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_event_campaign_id_type_at" ON "campaign_event" ("campaign_id", "type", "at")`);

    await queryRunner.query(`
      CREATE TABLE "campaign_submission" (
        "campaign_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "obligation_id" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "on_time" boolean NOT NULL,
        "zero" boolean NOT NULL,
        "content" text NOT NULL,
        "actor_id" character varying NOT NULL,
        "seq" integer NOT NULL,
        CONSTRAINT "pk_campaign_submission" PRIMARY KEY ("campaign_id", "unit_id", "obligation_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_submission_obligation_id" ON "campaign_submission" ("campaign_id", "obligation_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping a table drops its indexes and constraints with it.
    await queryRunner.query(`DROP TABLE "campaign_submission"`);
    await queryRunner.query(`DROP TABLE "campaign_event"`);
    await queryRunner.query(`DROP TABLE "campaign_unit"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
  }
}
