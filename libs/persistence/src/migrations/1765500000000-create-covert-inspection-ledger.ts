import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The covert-inspection ledger (暗访台账), its event log and the published exposure lists (暗访曝光); must match the entities (migrations.pg.spec). */
export class CreateCovertInspectionLedger1765500000000 implements MigrationInterface {
  name = 'CreateCovertInspectionLedger1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "covert_inspection_ledger" (
        "inspection_id" character varying NOT NULL,
        "workflow_id" character varying NOT NULL,
        "title" text NOT NULL,
        "status" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "sampled_region_ids" text array NOT NULL,
        "sampled_unit_ids" text array NOT NULL,
        "leader_account_id" character varying NOT NULL,
        "leader_name" text NOT NULL,
        "team_account_ids" text array NOT NULL,
        "seed" character varying NOT NULL,
        "stratify_by" character varying NOT NULL,
        "candidate_count" integer NOT NULL,
        "sample_size" integer NOT NULL,
        "finding_count" integer NOT NULL,
        "major_finding_count" integer NOT NULL,
        "order_count" integer NOT NULL,
        "open_feedback_count" integer NOT NULL,
        "overdue_feedback_count" integer NOT NULL,
        "listed_major_hazard_count" integer NOT NULL,
        "next_feedback_due" TIMESTAMP WITH TIME ZONE,
        "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "planned_by_id" character varying NOT NULL,
        "planned_by_name" text NOT NULL,
        "planned_by_role" character varying NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL,
        "state" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_covert_inspection_ledger" PRIMARY KEY ("inspection_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_covert_inspection_ledger_region_id" ON "covert_inspection_ledger" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "idx_covert_inspection_ledger_status_planned_at" ON "covert_inspection_ledger" ("status", "planned_at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_covert_inspection_ledger_completed_at" ON "covert_inspection_ledger" ("completed_at") WHERE completed_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "covert_inspection_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "inspection_id" character varying NOT NULL,
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
        CONSTRAINT "pk_covert_inspection_event" PRIMARY KEY ("id"),
        CONSTRAINT "uq_covert_inspection_event_inspection_id_seq" UNIQUE ("inspection_id", "seq")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_covert_inspection_event_type_at" ON "covert_inspection_event" ("type", "at")`);
    await queryRunner.query(`
      CREATE TABLE "covert_exposure_publication" (
        "publication_key" character varying NOT NULL,
        "from_day" character varying NOT NULL,
        "to_day" character varying NOT NULL,
        "region_id" character varying,
        "industry_id" character varying,
        "total" integer NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "published_by_id" character varying NOT NULL,
        "published_by_name" text NOT NULL,
        "published_by_role" character varying NOT NULL,
        "reason" text NOT NULL,
        "list" jsonb NOT NULL,
        CONSTRAINT "pk_covert_exposure_publication" PRIMARY KEY ("publication_key")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_covert_exposure_publication_published_at" ON "covert_exposure_publication" ("published_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "covert_exposure_publication"`);
    await queryRunner.query(`DROP TABLE "covert_inspection_event"`);
    await queryRunner.query(`DROP TABLE "covert_inspection_ledger"`);
  }
}
