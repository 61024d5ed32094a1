import { Module, type DynamicModule } from '@nestjs/common';
import type { ResolvedApiConfig } from './api-config';
import { AUDIT_SIGNING_KEY, AUTH_CONFIG, CLOCK, DATA_DIR, HAZARD_POLICIES, REGISTRATION_TIMEOUT_MS, TASK_QUEUE } from './api-config.tokens';

/** Makes the clock, the hazard policies, the registration timeout, the task queue, the auth settings, the data directory and the audit signing key injectable everywhere. */
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
        { provide: TASK_QUEUE, useValue: config.taskQueue },
        { provide: AUTH_CONFIG, useValue: config.auth },
        { provide: DATA_DIR, useValue: config.dataDir },
        { provide: AUDIT_SIGNING_KEY, useValue: config.auditSigningKeyPem },
      ],
      exports: [CLOCK, HAZARD_POLICIES, REGISTRATION_TIMEOUT_MS, TASK_QUEUE, AUTH_CONFIG, DATA_DIR, AUDIT_SIGNING_KEY],
    };
  }
}
