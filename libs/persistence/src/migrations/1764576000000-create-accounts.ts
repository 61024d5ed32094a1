import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login accounts and their sessions (entities: account/account-record.entity.ts, account/auth-session-record.entity.ts). */
export class CreateAccounts1764576000000 implements MigrationInterface {
  name = 'CreateAccounts1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "account" (
        "id" character varying NOT NULL,
        "login_name" character varying NOT NULL,
        "login_key" character varying NOT NULL,
        "password_hash" text NOT NULL,
        "display_name" text NOT NULL,
        "person_id" character varying NOT NULL,
        "role" character varying NOT NULL,
        "unit_id" character varying,
        "region_id" character varying,
        "industry_id" character varying,
        "disabled" boolean NOT NULL,
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_by_id" character varying NOT NULL,
        "created_by_name" text NOT NULL,
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "changed_by_id" character varying NOT NULL,
        "changed_by_name" text NOT NULL,
        "change_reason" text NOT NULL,
        CONSTRAINT "pk_account" PRIMARY KEY ("id")
      )`);
    // Login names are unique regardless of case: login_key is the lower-case form.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_login_key" ON "account" ("login_key")`);
    await queryRunner.query(`CREATE INDEX "idx_account_role" ON "account" ("role")`);
    await queryRunner.query(`
      CREATE TABLE "auth_session" (
        "id" uuid NOT NULL,
        "account_id" character varying NOT NULL,
        "family_id" uuid NOT NULL,
        "refresh_token_hash" character varying NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "family_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rotated_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" character varying,
        "user_agent" text,
        "ip" character varying,
        CONSTRAINT "pk_auth_session" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_auth_session_refresh_token_hash" ON "auth_session" ("refresh_token_hash")`);
    // Revocation by family (logout, reuse) and by account (disable, password change).
    await queryRunner.query(`CREATE INDEX "idx_auth_session_family_id" ON "auth_session" ("family_id")`);
    await queryRunner.query(`CREATE INDEX "idx_auth_session_account_id" ON "auth_session" ("account_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
