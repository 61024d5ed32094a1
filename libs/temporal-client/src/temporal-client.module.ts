import { Inject, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalClientOptions } from './temporal-client-options';
import { temporalTlsFromEnv } from './temporal-tls-env';
import { TEMPORAL_CLIENT, TEMPORAL_CLIENT_OPTIONS, TEMPORAL_CONNECTION } from './temporal-client.tokens';

/**
 * Owns one Temporal connection for a Nest application and provides a `Client` on it under
 * `TEMPORAL_CLIENT`, with TLS/mTLS from the environment (see temporalTlsFromEnv). The connection is opened in an async provider factory (the app does not
 * start when Temporal is unreachable) and closed when the module is destroyed (`app.close()`).
 */
@Module({})
export class TemporalClientModule implements OnModuleDestroy {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  static forRoot(options: TemporalClientOptions): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: TEMPORAL_CLIENT_OPTIONS, useValue: options },
        {
          provide: TEMPORAL_CONNECTION,
          inject: [TEMPORAL_CLIENT_OPTIONS],
          // TLS from TEMPORAL_TLS_* (the worker reads the same variables) unless the options bring their own.
          useFactory: (o: TemporalClientOptions): Promise<Connection> =>
            Connection.connect({ tls: temporalTlsFromEnv(process.env), ...o.connection, address: o.address }),
        },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION, TEMPORAL_CLIENT_OPTIONS],
          useFactory: (connection: Connection, o: TemporalClientOptions): Client => new Client({ connection, namespace: o.namespace }),
        },
      ],
      exports: [TEMPORAL_CLIENT],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.connection.close();
  }
}
