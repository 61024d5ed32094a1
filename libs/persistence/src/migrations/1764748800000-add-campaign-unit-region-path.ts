import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A roster unit's region path (root first, its own region last) when the campaign's roster came
 * from the registry (单位库), so a county's roll-up counts the units of its towns too. Null for
 * rosters given in the body, which name regions without a tree.
 */
export class AddCampaignUnitRegionPath1764748800000 implements MigrationInterface {
  name = 'AddCampaignUnitRegionPath1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_unit" ADD COLUMN "region_path" text array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_unit" DROP COLUMN "region_path"`);
  }
}
