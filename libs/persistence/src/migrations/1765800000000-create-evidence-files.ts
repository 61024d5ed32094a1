import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files' metadata (佐证材料): the file by digest with its first uploader, and every uploader once; must match the entities (migrations.pg.spec). */
export class CreateEvidenceFiles1765800000000 implements MigrationInterface {
  name = 'CreateEvidenceFiles1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "evidence_file" (
        "digest" character varying NOT NULL,
        "size_bytes" integer NOT NULL,
        "media_type" character varying NOT NULL,
        "original_name" text NOT NULL,
        "first_uploaded_by_id" character varying NOT NULL,
        "first_uploaded_by_name" text NOT NULL,
        "first_uploaded_by_role" character varying NOT NULL,
        "first_uploaded_by_unit_id" character varying,
        "first_uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_evidence_file" PRIMARY KEY ("digest")
      )`);
    await queryRunner.query(`
      CREATE TABLE "evidence_upload" (
        "digest" character varying NOT NULL,
        "uploaded_by_id" character varying NOT NULL,
        "uploaded_by_name" text NOT NULL,
        "uploaded_by_role" character varying NOT NULL,
        "uploaded_by_unit_id" character varying,
        "original_name" text NOT NULL,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_evidence_upload" PRIMARY KEY ("digest", "uploaded_by_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evidence_upload"`);
    await queryRunner.query(`DROP TABLE "evidence_file"`);
  }
}
