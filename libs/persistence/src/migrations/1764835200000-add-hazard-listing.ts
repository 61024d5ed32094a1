import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 挂牌督办 by level: which level listed a hazard (county, city, province), whose committee, who
 * tracks it, when it was listed and when its listing was closed (销号). Rows listed before levels
 * existed were listed by the policy, which listed at county level: they get that level and the
 * moment of their first listing escalation.
 */
export class AddHazardListing1764835200000 implements MigrationInterface {
  name = 'AddHazardListing1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "hazard_ledger"
        ADD COLUMN "listing_level" varchar,
        ADD COLUMN "listing_region_id" varchar,
        ADD COLUMN "listing_tracker_name" text,
        ADD COLUMN "listing_tracker_unit_id" varchar,
        ADD COLUMN "listed_at" timestamptz,
        ADD COLUMN "delisted_at" timestamptz`);
    await queryRunner.query(`
      UPDATE "hazard_ledger" l
         SET "listing_level" = 'county',
             "listed_at" = (SELECT min(e."at") FROM "hazard_event" e
                             WHERE e."hazard_id" = l."hazard_id" AND e."type" = 'escalated' AND e."data"->>'instrument' = 'listed_supervision')
       WHERE l."listed_for_supervision"`);
    await queryRunner.query(
      `CREATE INDEX "idx_hazard_ledger_listing_level" ON "hazard_ledger" ("listing_level", "deadline") WHERE listing_level IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_hazard_ledger_listing_level"`);
    await queryRunner.query(`
      ALTER TABLE "hazard_ledger"
        DROP COLUMN "listing_level",
        DROP COLUMN "listing_region_id",
        DROP COLUMN "listing_tracker_name",
        DROP COLUMN "listing_tracker_unit_id",
        DROP COLUMN "listed_at",
        DROP COLUMN "delisted_at"`);
  }
}
