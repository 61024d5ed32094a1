import { Module, type DynamicModule } from '@nestjs/common';
import type { ResolvedApiConfig } from './api-config';
import { CLOCK, HAZARD_POLICIES } from './api-config.tokens';

/** Makes the clock and the hazard policies injectable everywhere. */
@Module({})
export class ApiConfigModule {
  static forRoot(config: ResolvedApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      global: true,
      providers: [
        { provide: CLOCK, useValue: config.now },
        { provide: HAZARD_POLICIES, useValue: config.hazardPolicies },
      ],
      exports: [CLOCK, HAZARD_POLICIES],
    };
  }
}
