import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables are this list, in this order (referenced kinds first). */
const TABLES = [
  'registry_region',
  'registry_industry',
  'registry_competent_department',
  'registry_unit',
  'registry_person',
  'registry_responsibility',
] as const;

/**
 * The registry (单位库): one table per record kind, a row per version (entities: registry/*.entity.ts).
 * Each table's partial unique index keeps one current version per id; paths are collation C so
 * that `LIKE 'prefix%'` (a region and everything below it) is answered by their index.
 */
export class CreateRegistry1764489600000 implements MigrationInterface {
  name = 'CreateRegistry1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "registry_region" (
        "id" character varying NOT NULL,
        "version" integer NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        "change" character varying NOT NULL,
        "retired" boolean NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "name" text NOT NULL,
        "level" character varying NOT NULL,
        "parent_id" character varying,
        "code" character varying,
        "path" text COLLATE "C" NOT NULL,
        CONSTRAINT "pk_registry_region" PRIMARY KEY ("id", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_registry_region_path" ON "registry_region" ("path")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_region_current" ON "registry_region" ("id") WHERE valid_to IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "registry_industry" (
        "id" character varying NOT NULL,
        "version" integer NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        "change" character varying NOT NULL,
        "retired" boolean NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "name" text NOT NULL,
        "parent_id" character varying,
        "path" text COLLATE "C" NOT NULL,
        CONSTRAINT "pk_registry_industry" PRIMARY KEY ("id", "version")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_industry_current" ON "registry_industry" ("id") WHERE valid_to IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "registry_competent_department" (
        "id" character varying NOT NULL,
        "version" integer NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        "change" character varying NOT NULL,
        "retired" boolean NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "region_id" character varying NOT NULL,
        "industry_id" character varying NOT NULL,
        "department_unit_id" character varying NOT NULL,
        "supervision" character varying NOT NULL,
        CONSTRAINT "pk_registry_competent_department" PRIMARY KEY ("id", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_registry_competent_department_unit" ON "registry_competent_department" ("department_unit_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registry_competent_department_current" ON "registry_competent_department" ("id") WHERE valid_to IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "registry_unit" (
        "id" character varying NOT NULL,
        "version" integer NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        "change" character varying NOT NULL,
        "retired" boolean NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "name" text NOT NULL,
        "kind" character varying NOT NULL,
        "region_id" character varying NOT NULL,
        "industry_id" character varying,
        "enterprise_kind" character varying,
        "status" character varying,
        "licensed" boolean,
        "credit_code" character varying,
        CONSTRAINT "pk_registry_unit" PRIMARY KEY ("id", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_registry_unit_industry" ON "registry_unit" ("industry_id")`);
    await queryRunner.query(`CREATE INDEX "idx_registry_unit_region" ON "registry_unit" ("region_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_unit_current" ON "registry_unit" ("id") WHERE valid_to IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "registry_person" (
        "id" character varying NOT NULL,
        "version" integer NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        "change" character varying NOT NULL,
        "retired" boolean NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "name" text NOT NULL,
        "post" text NOT NULL,
        "unit_id" character varying NOT NULL,
        "phone" character varying,
        "roles" jsonb NOT NULL,
        CONSTRAINT "pk_registry_person" PRIMARY KEY ("id", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_registry_person_unit" ON "registry_person" ("unit_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_person_current" ON "registry_person" ("id") WHERE valid_to IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "registry_responsibility" (
        "id" character varying NOT NULL,
        "version" integer NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_to" TIMESTAMP WITH TIME ZONE,
        "change" character varying NOT NULL,
        "retired" boolean NOT NULL,
        "reason" text NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "changed_by_role" character varying NOT NULL,
        "changed_by_unit" character varying,
        "type" character varying NOT NULL,
        "holder_kind" character varying NOT NULL,
        "holder_id" character varying NOT NULL,
        "target_kind" character varying NOT NULL,
        "target_id" character varying NOT NULL,
        CONSTRAINT "pk_registry_responsibility" PRIMARY KEY ("id", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_registry_responsibility_target" ON "registry_responsibility" ("target_kind", "target_id")`);
    await queryRunner.query(`CREATE INDEX "idx_registry_responsibility_holder" ON "registry_responsibility" ("holder_kind", "holder_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_responsibility_current" ON "registry_responsibility" ("id") WHERE valid_to IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
