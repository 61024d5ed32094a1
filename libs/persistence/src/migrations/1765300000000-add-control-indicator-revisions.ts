import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An office's warning shares on each cap (预警线), and every set of caps it put, kept (控制指标 revisions); must match the entities. */
export class AddControlIndicatorRevisions1765300000000 implements MigrationInterface {
  name = 'AddControlIndicatorRevisions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "control_indicator" ADD "warn_at" jsonb`);
    await queryRunner.query(`
      CREATE TABLE "control_indicator_revision" (
        "region_id" character varying NOT NULL,
        "year" integer NOT NULL,
        "revision" integer NOT NULL,
        "indicators" jsonb NOT NULL,
        "set_by_id" character varying NOT NULL,
        "set_by_name" text NOT NULL,
        "set_by_role" character varying NOT NULL,
        "set_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reason" text NOT NULL,
        CONSTRAINT "pk_control_indicator_revision" PRIMARY KEY ("region_id", "year", "revision")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "control_indicator_revision"`);
    await queryRunner.query(`ALTER TABLE "control_indicator" DROP COLUMN "warn_at"`);
  }
}
