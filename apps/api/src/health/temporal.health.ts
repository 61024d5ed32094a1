import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';

/**
 * Temporal is ready when its frontend answers for Duban's namespace: a describe of the
 * namespace, cheap and proof that the namespace the API starts workflows in exists.
 */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(key: string, timeoutMs: number) {
    return this.indicators
      .check(key)
      .attempt(async ({ signal }) => {
        const { namespace } = this.client.options;
        // The abort signal also stops the SDK's own retries of an unreachable server.
        await this.client.connection.withAbortSignal(signal, () => this.client.workflowService.describeNamespace({ namespace }));
        return { namespace };
      })
      .withTimeout(timeoutMs);
  }
}
