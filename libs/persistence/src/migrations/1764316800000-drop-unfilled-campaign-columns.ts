import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops two campaign columns nothing ever filled: `campaign_unit.score` (no event carries a
 * score; the assessment is computed from the counters when asked) and
 * `campaign_submission.due_at` (the due time is the obligation's, from the schedule). Both
 * were always null, so nothing is lost; down() adds them back, empty.
 */
export class DropUnfilledCampaignColumns1764316800000 implements MigrationInterface {
  name = 'DropUnfilledCampaignColumns1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_unit" DROP COLUMN "score"`);
    await queryRunner.query(`ALTER TABLE "campaign_submission" DROP COLUMN "due_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_submission" ADD COLUMN "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "campaign_unit" ADD COLUMN "score" numeric`);
  }
}
