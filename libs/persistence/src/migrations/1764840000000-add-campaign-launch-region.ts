import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region (属地) of the office that launched a campaign, so that a county office sees the
 * city's campaign and decides only its own (libs/domain/src/scope/campaign-scope.ts). Null: an
 * account bound by no territory launched it (and every campaign launched before this column).
 */
export class AddCampaignLaunchRegion1764840000000 implements MigrationInterface {
  name = 'AddCampaignLaunchRegion1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign" ADD COLUMN "launched_by_region_id" character varying`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign" DROP COLUMN "launched_by_region_id"`);
  }
}
