import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offices' own tasks below a campaign (比照落实, campaign_task) and inspectors assigned to its
 * units (检查组分工, campaign_inspection_assignment), projected from the campaign's events.
 */
export class CreateCampaignTasks1764838800000 implements MigrationInterface {
  name = 'CreateCampaignTasks1764838800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign_task" (
      "campaign_id" character varying NOT NULL,
      "task_id" character varying NOT NULL,
      "title" text NOT NULL,
      "evidence" text NOT NULL,
      "deadline" jsonb NOT NULL,
      "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "calendar_version" character varying,
      "unit_ids" text array NOT NULL,
      "units_listed" boolean NOT NULL,
      "added_by_id" character varying NOT NULL,
      "added_by_name" text NOT NULL,
      "region_id" character varying,
      "added_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "reason" text NOT NULL,
      "seq" integer NOT NULL,
      CONSTRAINT "pk_campaign_task" PRIMARY KEY ("campaign_id", "task_id")
    )`);
    await queryRunner.query(`CREATE TABLE "campaign_inspection_assignment" (
      "campaign_id" character varying NOT NULL,
      "unit_id" character varying NOT NULL,
      "inspector_id" character varying NOT NULL,
      "inspector_name" text NOT NULL,
      "assigned_by_id" character varying NOT NULL,
      "assigned_by_name" text NOT NULL,
      "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "reason" text NOT NULL,
      CONSTRAINT "pk_campaign_inspection_assignment" PRIMARY KEY ("campaign_id", "unit_id", "inspector_id")
    )`);
    await queryRunner.query(
      `CREATE INDEX "idx_campaign_inspection_assignment_inspector" ON "campaign_inspection_assignment" ("campaign_id", "inspector_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_inspection_assignment"`);
    await queryRunner.query(`DROP TABLE "campaign_task"`);
  }
}
