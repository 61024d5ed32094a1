import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hazard ledger and the event log. Hand-written SQL (never `synchronize`) so the schema a
 * release applies is exactly what was reviewed; it must match the entity declarations, which
 * the persistence spec checks with TypeORM's own schema diff.
 */
export class CreateHazardLedger1764057600000 implements MigrationInterface {
  name = 'CreateHazardLedger1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "hazard_ledger" (
        "hazard_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "title" text NOT NULL,
        "description" text NOT NULL,
        "location" text NOT NULL,
        "industry" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "grade" character varying NOT NULL,
        "source" character varying NOT NULL,
        "finder" text NOT NULL,
        "status" character varying NOT NULL,
        "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "original_deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reported_by_id" character varying NOT NULL,
        "reported_by_name" text NOT NULL,
        "reported_by_role" character varying NOT NULL,
        "campaign_id" character varying,
        "overdue" boolean NOT NULL,
        "listed_for_supervision" boolean NOT NULL,
        "under_monitoring" boolean NOT NULL,
        "extensions_granted" integer NOT NULL,
        "rejection_count" integer NOT NULL,
        "last_escalation_instrument" character varying,
        "last_escalated_at" TIMESTAMP WITH TIME ZONE,
        "signed_off_at" TIMESTAMP WITH TIME ZONE,
        "policy_id" character varying NOT NULL,
        "version" integer NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_hazard_ledger" PRIMARY KEY ("hazard_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_unit_id" ON "hazard_ledger" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_status" ON "hazard_ledger" ("status")`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_grade" ON "hazard_ledger" ("grade")`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_industry" ON "hazard_ledger" ("industry")`);
    // Partial: only the few overdue / listed rows, already in the lists' deadline order.
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_overdue" ON "hazard_ledger" ("deadline") WHERE overdue`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_listed" ON "hazard_ledger" ("deadline") WHERE listed_for_supervision`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_campaign_id" ON "hazard_ledger" ("campaign_id")`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_deadline" ON "hazard_ledger" ("deadline")`);

    await queryRunner.query(`
      CREATE TABLE "hazard_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "hazard_id" character varying NOT NULL,
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
        CONSTRAINT "pk_hazard_event" PRIMARY KEY ("id"),
        CONSTRAINT "uq_hazard_event_hazard_id_seq" UNIQUE ("hazard_id", "seq")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_event_type_at" ON "hazard_event" ("type", "at")`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_event_actor_unit_id" ON "hazard_event" ("actor_unit_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping a table drops its indexes and constraints with it.
    await queryRunner.query(`DROP TABLE "hazard_event"`);
    await queryRunner.query(`DROP TABLE "hazard_ledger"`);
  }
}
