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

/** Every registry table's version columns (registry-version-columns.ts as of this migration), after its id and version. */
const VERSION_COLUMNS = [
  '"valid_from" TIMESTAMP WITH TIME ZONE NOT NULL',
  '"valid_to" TIMESTAMP WITH TIME ZONE',
  '"change" character varying NOT NULL',
  '"retired" boolean NOT NULL',
  '"reason" text NOT NULL',
  '"changed_by_id" character varying NOT NULL',
  '"changed_by_name" text NOT NULL',
  '"changed_by_role" character varying NOT NULL',
  '"changed_by_unit" character varying',
];

/** One record kind's table: a row per version, keyed (id, version), its own columns after the shared ones. */
function createVersionedTable(queryRunner: QueryRunner, table: string, ownColumns: string[]): Promise<unknown> {
  const columns = ['"id" character varying NOT NULL', '"version" integer NOT NULL', ...VERSION_COLUMNS, ...ownColumns];
  return queryRunner.query(`CREATE TABLE "${table}" (${columns.join(', ')}, CONSTRAINT "pk_${table}" PRIMARY KEY ("id", "version"))`);
}

/**
 * The registry (单位库): one table per record kind, a row per version (entities: registry/*.entity.ts).
 * Each table's partial unique index keeps one current version per id; paths are collation C so
 * that `LIKE 'prefix%'` (a region and everything below it) is answered by their index.
 */
export class CreateRegistry1764489600000 implements MigrationInterface {
  name = 'CreateRegistry1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createVersionedTable(queryRunner, 'registry_region', [
      '"name" text NOT NULL',
      '"level" character varying NOT NULL',
      '"parent_id" character varying',
      '"code" character varying',
      '"path" text COLLATE "C" NOT NULL',
    ]);
    await queryRunner.query(`CREATE INDEX "idx_registry_region_path" ON "registry_region" ("path")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_region_current" ON "registry_region" ("id") WHERE valid_to IS NULL`);
    await createVersionedTable(queryRunner, 'registry_industry', [
      '"name" text NOT NULL',
      '"parent_id" character varying',
      '"path" text COLLATE "C" NOT NULL',
    ]);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_industry_current" ON "registry_industry" ("id") WHERE valid_to IS NULL`);
    await createVersionedTable(queryRunner, 'registry_competent_department', [
      '"region_id" character varying NOT NULL',
      '"industry_id" character varying NOT NULL',
      '"department_unit_id" character varying NOT NULL',
      '"supervision" character varying NOT NULL',
    ]);
    await queryRunner.query(`CREATE INDEX "idx_registry_competent_department_unit" ON "registry_competent_department" ("department_unit_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registry_competent_department_current" ON "registry_competent_department" ("id") WHERE valid_to IS NULL`,
    );
    await createVersionedTable(queryRunner, 'registry_unit', [
      '"name" text NOT NULL',
      '"kind" character varying NOT NULL',
      '"region_id" character varying NOT NULL',
      '"industry_id" character varying',
      '"enterprise_kind" character varying',
      '"status" character varying',
      '"licensed" boolean',
      '"credit_code" character varying',
    ]);
    await queryRunner.query(`CREATE INDEX "idx_registry_unit_industry" ON "registry_unit" ("industry_id")`);
    await queryRunner.query(`CREATE INDEX "idx_registry_unit_region" ON "registry_unit" ("region_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_unit_current" ON "registry_unit" ("id") WHERE valid_to IS NULL`);
    await createVersionedTable(queryRunner, 'registry_person', [
      '"name" text NOT NULL',
      '"post" text NOT NULL',
      '"unit_id" character varying NOT NULL',
      '"phone" character varying',
      '"roles" jsonb NOT NULL',
    ]);
    await queryRunner.query(`CREATE INDEX "idx_registry_person_unit" ON "registry_person" ("unit_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_person_current" ON "registry_person" ("id") WHERE valid_to IS NULL`);
    await createVersionedTable(queryRunner, 'registry_responsibility', [
      '"type" character varying NOT NULL',
      '"holder_kind" character varying NOT NULL',
      '"holder_id" character varying NOT NULL',
      '"target_kind" character varying NOT NULL',
      '"target_id" character varying NOT NULL',
    ]);
    await queryRunner.query(`CREATE INDEX "idx_registry_responsibility_target" ON "registry_responsibility" ("target_kind", "target_id")`);
    await queryRunner.query(`CREATE INDEX "idx_registry_responsibility_holder" ON "registry_responsibility" ("holder_kind", "holder_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registry_responsibility_current" ON "registry_responsibility" ("id") WHERE valid_to IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
