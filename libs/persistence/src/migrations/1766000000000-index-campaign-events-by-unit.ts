import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inspections recorded at one unit across campaigns (疏漏追责) are read by unit, type and time; must match the entity (migrations.pg.spec). */
export class IndexCampaignEventsByUnit1766000000000 implements MigrationInterface {
  name = 'IndexCampaignEventsByUnit1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_campaign_event_unit_id_type_at" ON "campaign_event" ("unit_id", "type", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_campaign_event_unit_id_type_at"`);
  }
}
