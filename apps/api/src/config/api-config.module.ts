import { Module, type DynamicModule } from '@nestjs/common';
import type { ResolvedApiConfig } from './api-config';
import { CLOCK, HAZARD_POLICIES, REGISTRATION_TIMEOUT_MS } from './api-config.tokens';

/** Makes the clock, the hazard policies and the registration timeout injectable everywhere. */
@Module({})
export class ApiConfigModule {
  static forRoot(config: ResolvedApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      global: true,
      providers: [
        { provide: CLOCK, useValue: config.now },
        { provide: HAZARD_POLICIES, useValue: config.hazardPolicies },
        { provide: REGISTRATION_TIMEOUT_MS, useValue: config.registrationTimeoutMs },
      ],
      exports: [CLOCK, HAZARD_POLICIES, REGISTRATION_TIMEOUT_MS],
    };
  }
}
