import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enforcement ledger (执法台账) and its event log; must match the entities (migrations.pg.spec). */
export class CreateEnforcementLedger1765400000000 implements MigrationInterface {
  name = 'CreateEnforcementLedger1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enforcement_case_ledger" (
        "case_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "unit_id" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "industry_id" character varying,
        "origin" character varying NOT NULL,
        "source_ref" character varying,
        "status" character varying NOT NULL,
        "suspension_status" character varying,
        "suspended" boolean NOT NULL,
        "suspended_at" TIMESTAMP WITH TIME ZONE,
        "resumed_at" TIMESTAMP WITH TIME ZONE,
        "fine_total_yuan" bigint NOT NULL,
        "referred" boolean NOT NULL,
        "referral_outcome" character varying,
        "closure_imposed" boolean NOT NULL,
        "criminal" boolean NOT NULL,
        "respondent_count" integer NOT NULL,
        "violation_count" integer NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "opened_by_id" character varying NOT NULL,
        "opened_by_name" text NOT NULL,
        "opened_by_role" character varying NOT NULL,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "next_check_due" TIMESTAMP WITH TIME ZONE,
        "missed_check_count" integer NOT NULL,
        "version" integer NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_enforcement_case_ledger" PRIMARY KEY ("case_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_unit_id" ON "enforcement_case_ledger" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_region_id" ON "enforcement_case_ledger" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_opened_at" ON "enforcement_case_ledger" ("opened_at")`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_status_opened_at" ON "enforcement_case_ledger" ("status", "opened_at")`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_origin" ON "enforcement_case_ledger" ("origin")`);
    await queryRunner.query(
      `CREATE INDEX "idx_enforcement_case_ledger_suspension_status" ON "enforcement_case_ledger" ("suspension_status") WHERE suspension_status IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_enforcement_case_ledger_next_check_due" ON "enforcement_case_ledger" ("next_check_due") WHERE next_check_due IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_referred" ON "enforcement_case_ledger" ("opened_at") WHERE referred`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_case_ledger_criminal" ON "enforcement_case_ledger" ("opened_at") WHERE criminal`);
    await queryRunner.query(
      `CREATE INDEX "idx_enforcement_case_ledger_closure_imposed" ON "enforcement_case_ledger" ("opened_at") WHERE closure_imposed`,
    );
    await queryRunner.query(`
      CREATE TABLE "enforcement_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "case_id" character varying NOT NULL,
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
        "legal_basis" text NOT NULL,
        CONSTRAINT "pk_enforcement_event" PRIMARY KEY ("id"),
        CONSTRAINT "uq_enforcement_event_case_id_seq" UNIQUE ("case_id", "seq")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_enforcement_event_type_at" ON "enforcement_event" ("type", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enforcement_event"`);
    await queryRunner.query(`DROP TABLE "enforcement_case_ledger"`);
  }
}
