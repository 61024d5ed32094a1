import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hazards linked to accidents as rectification measures (整改措施); must match the entity (migrations.pg.spec). */
export class CreateAccidentRectificationLink1765050000000 implements MigrationInterface {
  name = 'CreateAccidentRectificationLink1765050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "accident_rectification_link" (
        "accident_id" character varying NOT NULL,
        "hazard_id" character varying NOT NULL,
        "status" character varying NOT NULL,
        "version" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_accident_rectification_link" PRIMARY KEY ("accident_id", "hazard_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_accident_rectification_link_hazard_id" ON "accident_rectification_link" ("hazard_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accident_rectification_link"`);
  }
}
