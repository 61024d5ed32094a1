import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dubanDataSourceOptions } from '@duban/persistence';
import { TemporalClientModule } from '@duban/temporal-client';
import { AccidentsModule } from './accidents/accidents.module';
import { AccountsModule } from './auth/accounts.module';
import { AuthModule } from './auth/auth.module';
import { WorkCalendarModule } from './calendar/work-calendar.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import type { ResolvedApiConfig } from './config/api-config';
import { ApiConfigModule } from './config/api-config.module';
import { HazardsModule } from './hazards/hazards.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './http/idempotency.module';
import { LoggingModule, type ApiLogOptions } from './logging/logging.module';
import { ProblemsModule } from './problems/problems.module';
import { RegistryModule } from './registry/registry.module';
import { RegistryImportModule } from './registry-import/registry-import.module';
import { RateLimitModule } from './throttling/rate-limit.module';
import { TipOffsModule } from './tip-offs/tip-offs.module';
import { AccidentRecordModule } from './accident-record/accident-record.module';
import { EnforcementModule } from './enforcement/enforcement.module';
import { CovertInspectionsModule } from './covert-inspections/covert-inspections.module';
import { EnforcementRecordModule } from './enforcement-record/enforcement-record.module';
import { OversightsModule } from './oversights/oversights.module';
import { AuditModule } from './audit/audit.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';

/**
 * The modules that hold the API's routes. A new feature module goes here: the authorization
 * matrix (authorization-matrix.unit.spec.ts) mounts exactly these and checks every route.
 */
export const API_ROUTE_MODULES = [
  HealthModule,
  ProblemsModule,
  HazardsModule,
  AccidentsModule,
  CampaignsModule,
  RegistryModule,
  RegistryImportModule,
  AccountsModule,
  WorkCalendarModule,
  TipOffsModule,
  AccidentRecordModule,
  EnforcementModule,
  CovertInspectionsModule,
  EnforcementRecordModule,
  OversightsModule,
  AuditModule,
  EvidenceModule,
  ReconciliationModule,
];

/** The API's root module, built from its configuration (no environment reads here). */
@Module({})
export class ApiModule {
  static forRoot(config: ResolvedApiConfig, log: ApiLogOptions = { level: 'warn' }): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiConfigModule.forRoot(config),
        LoggingModule.forRoot(log),
        // Schema changes only through migrations, run by the start script before the API.
        TypeOrmModule.forRoot({ ...dubanDataSourceOptions(config.databaseUrl), retryAttempts: 2, retryDelay: 1000 }),
        TemporalClientModule.forRoot(config.temporal),
        // Before AuthModule: its guard then runs first, so unauthenticated floods are limited too.
        RateLimitModule.forRoot(config.rateLimit, config.authSecret),
        AuthModule.forRoot(config.authSecret),
        // Global: every write's Idempotency-Key (no routes of its own).
        IdempotencyModule,
        ...API_ROUTE_MODULES,
      ],
    };
  }
}
