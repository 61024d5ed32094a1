import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The years of the work calendar the office loads, versioned (entity: calendar/work-calendar-year-record.entity.ts). */
export class CreateWorkCalendar1764662400000 implements MigrationInterface {
  name = 'CreateWorkCalendar1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "work_calendar_year" (
        "year" integer NOT NULL,
        "version" integer NOT NULL,
        "holidays" jsonb NOT NULL,
        "makeup_workdays" jsonb NOT NULL,
        "change" character varying NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_work_calendar_year" PRIMARY KEY ("year", "version")
      )`);
    // One current version per year: two writers from the same version cannot both win.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_work_calendar_year_current" ON "work_calendar_year" ("year") WHERE "valid_to" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "work_calendar_year"`);
  }
}
