import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaign templates the office writes itself (the shipped ones live in code). */
export class CreateCampaignTemplate1764230400000 implements MigrationInterface {
  name = 'CreateCampaignTemplate1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "campaign_template" (
        "template_id" text PRIMARY KEY,
        "template" jsonb NOT NULL,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_template"`);
  }
}
