import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GET /hazards?sort= lists by registration time or by grade (then deadline), each ending with the id; must match the entity (migrations.pg.spec). */
export class IndexHazardLedgerSorts1766150000000 implements MigrationInterface {
  name = 'IndexHazardLedgerSorts1766150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_reported_at" ON "hazard_ledger" ("reported_at", "hazard_id")`);
    await queryRunner.query(`CREATE INDEX "idx_hazard_ledger_grade_deadline" ON "hazard_ledger" ("grade", "deadline", "hazard_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_hazard_ledger_grade_deadline"`);
    await queryRunner.query(`DROP INDEX "idx_hazard_ledger_reported_at"`);
  }
}
