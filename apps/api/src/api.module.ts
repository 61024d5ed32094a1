import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dubanDataSourceOptions } from '@duban/persistence';
import { TemporalClientModule } from '@duban/temporal-client';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import type { ResolvedApiConfig } from './config/api-config';
import { ApiConfigModule } from './config/api-config.module';
import { HazardsModule } from './hazards/hazards.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './http/idempotency.module';
import { ProblemsModule } from './problems/problems.module';

/** The API's root module, built from its configuration (no environment reads here). */
@Module({})
export class ApiModule {
  static forRoot(config: ResolvedApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiConfigModule.forRoot(config),
        // Schema changes only through migrations, run by the start script before the API.
        TypeOrmModule.forRoot({ ...dubanDataSourceOptions(config.databaseUrl), retryAttempts: 2, retryDelay: 1000 }),
        TemporalClientModule.forRoot(config.temporal),
        AuthModule.forRoot(config.authSecret),
        HealthModule,
        IdempotencyModule,
        ProblemsModule,
        HazardsModule,
        CampaignsModule,
      ],
    };
  }
}
